import FuzzDriver

runFuzzer { fuzzDOCX($0, $1) }
