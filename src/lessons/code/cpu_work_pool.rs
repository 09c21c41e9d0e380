/// Outside the browser: a pool of OS threads (rayon) that async code can await.
/// In the browser this page does the same with web workers running this crate's wasm.
struct Pool(rayon::ThreadPool);

impl Pool {
    fn new(workers: usize) -> Self {
        let threads = rayon::ThreadPoolBuilder::new().num_threads(workers);
        Pool(threads.build().expect("could not start the threads"))
    }

    /// Runs `job` on a free worker; the awaiting task does not block its loop.
    async fn run<T: Send + 'static>(&self, job: impl FnOnce() -> T + Send + 'static) -> T {
        let (answer, received) = futures::channel::oneshot::channel();
        self.0.spawn(move || {
            let _ = answer.send(job());
        });
        received.await.expect("the job panicked")
    }
}
