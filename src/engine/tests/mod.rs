//! Timeline tests of every strategy on virtual time.
