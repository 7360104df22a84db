import SDCFuzzDriver

// SwiftPM links an executable's entry point as `<module>_main`; hand control to libFuzzer's driver from there.
@_cdecl("sdc_fuzz_uri_main")
func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzDriver(argc, argv) { data, size in uriResolution(data, size) }
}
