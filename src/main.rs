//! The `jues` binary: see [`jues::cli`].

/// mimalloc instead of the system allocator: a compilation makes many small, short-lived
/// allocations (the AST, the evaluated document), and with glibc's allocator malloc, free and
/// page faults were a third of `jues check` on a large report (see docs/performance.md).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    jues::cli::run()
}
