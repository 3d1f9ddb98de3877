//! The `jues` binary: see [`jues::cli`].

fn main() -> std::process::ExitCode {
    jues::cli::run()
}
