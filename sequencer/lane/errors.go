package lane

import errorsmod "cosmossdk.io/errors"

// codespace of the lane's errors.
const codespace = "lane"

// Why a blob in the lane is not a forced transaction. Every node skips the
// same blobs for the same reason (ADR 004); none of these halts anything.
var (
	ErrNotATx       = errorsmod.Register(codespace, 2, "blob is not a transaction")
	ErrTxTooLarge   = errorsmod.Register(codespace, 3, "blob is larger than max_tx_bytes")
	ErrOverBudget   = errorsmod.Register(codespace, 4, "blob does not fit the epoch byte budget")
	ErrDuplicate    = errorsmod.Register(codespace, 5, "transaction already forced in this epoch")
	ErrBeforeStart  = errorsmod.Register(codespace, 6, "blob is below the lane's start DA height")
	ErrLaneDisabled = errorsmod.Register(codespace, 7, "the chain has no forced-inclusion lane")
)
