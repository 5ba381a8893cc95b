// swift-tools-version:5.9
// The core for the iOS app: the static library in an XCFramework (device and simulator slices) and its generated
// Swift bindings, both produced by ios/build.sh (bindings/scripts/build-ios.sh) into Generated/, never committed.
import PackageDescription

let package = Package(
    name: "VieclamCoreKit",
    platforms: [.iOS(.v16)],
    products: [.library(name: "VieclamCore", targets: ["VieclamCore"])],
    targets: [
        .binaryTarget(name: "VieclamCoreFFI", path: "Generated/VieclamCoreFFI.xcframework"),
        .target(
            name: "VieclamCore",
            dependencies: ["VieclamCoreFFI"],
            path: "Generated/swift",
            // The bindings' file and the core's records and enums (two uniffi components, one Swift module); their
            // C headers and module map are in the xcframework.
            exclude: ["VieclamCoreFFI.h", "vieclam_coreFFI.h", "VieclamCoreFFI.modulemap"],
            sources: ["VieclamCore.swift", "VieclamCoreRecords.swift"]
        ),
    ]
)
