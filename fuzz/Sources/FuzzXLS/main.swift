import FuzzDriver

runFuzzer { fuzzXLS($0, $1) }
