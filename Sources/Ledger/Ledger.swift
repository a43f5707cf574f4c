// The domain layer (plans, units, deadlines, returns, merge) grows here; it imports only `Table`.
import Table
