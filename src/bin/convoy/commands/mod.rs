//! One module per group of commands; each function runs one command and returns its exit code.

pub mod articles;
pub mod gazetteer;
pub mod near;
