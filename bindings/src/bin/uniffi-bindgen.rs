//! uniffi-bindgen at the project's exact uniffi version: generates the Kotlin and Swift bindings from the built
//! library (bindings/scripts/generate.sh). Built only with `--features cli`, so its heavy dependencies never reach
//! the shipped library.

fn main() {
    uniffi::uniffi_bindgen_main()
}
