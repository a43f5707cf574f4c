@testable import Ledger

/// A unit cell read as a plan without a registry reads it: each name with its role, as "name|role".
func unitReferences(_ cell: String) -> [String] {
    UnitParser(registry: UnitRegistry.inferred(fromUnitCells: [cell])).parse(cell).references.map { "\($0.name)|\($0.role.rawValue)" }
}
