import FuzzDriver

runFuzzer { fuzzReader($0, $1) }
