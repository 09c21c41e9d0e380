use std::sync::{mpsc, Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

const IO: Duration = Duration::from_millis(«io»);   // per request
const CPU: Duration = Duration::from_millis(«cpu»);

fn compute(d: Duration) {
    let end = Instant::now() + d;
    while Instant::now() < end {
        std::hint::spin_loop(); // busy: rendering, parsing, hashing...
    }
}

// A. «threads» OS threads, each blocked for the whole request.
fn serve_threads(n: usize, gap: Duration) {
    let (send, queue) = mpsc::channel::<usize>();
    let queue = Arc::new(Mutex::new(queue)); // FIFO: the next free thread takes the next request
    let threads: Vec<_> = (0..«threads»)
        .map(|_| {
            let queue = Arc::clone(&queue);
            thread::spawn(move || loop {
                let next = queue.lock().unwrap().recv();
                let Ok(_request) = next else { break };
                thread::sleep(IO); // blocking I/O holds this thread
                compute(CPU);
            })
        })
        .collect();
    for i in 0..n {
        send.send(i).unwrap();
        thread::sleep(gap); // the next request arrives
    }
    drop(send);
    threads.into_iter().for_each(|t| t.join().unwrap());
}

// B. One event loop: waiting is free, computing blocks the loop.
async fn handle_inline() {
    tokio::time::sleep(IO).await;
    compute(CPU); // no other request moves during this
}

// C. The same loop, computing on the blocking pool («workers» threads).
async fn handle_offloaded() {
    tokio::time::sleep(IO).await;
    tokio::task::spawn_blocking(|| compute(CPU)).await.unwrap();
}

async fn serve_loop<F: Future<Output = ()> + 'static>(n: usize, gap: Duration, handler: fn() -> F) {
    let mut requests = tokio::task::JoinSet::new();
    for _ in 0..n {
        requests.spawn_local(handler());
        tokio::time::sleep(gap).await; // the next request arrives
    }
    requests.join_all().await;
}

fn main() {
    let (n, gap) = («n», Duration::from_secs_f64(1.0 / «rate».0));
    serve_threads(n, gap);
    let one_thread = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .max_blocking_threads(«workers»)
        .build()
        .unwrap();
    let event_loop = tokio::task::LocalSet::new();
    event_loop.block_on(&one_thread, serve_loop(n, gap, handle_inline));
    event_loop.block_on(&one_thread, serve_loop(n, gap, handle_offloaded));
}
