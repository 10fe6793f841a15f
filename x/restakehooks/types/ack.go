package types

import (
	"errors"
	"fmt"

	errorsmod "cosmossdk.io/errors"
	channeltypes "github.com/cosmos/ibc-go/v8/modules/core/04-channel/types"
)

// NewErrorAcknowledgement is the acknowledgement of a refused restake:
// "ABCI error: <codespace>/<code>: <description>", where the description is
// the one the error was registered with (e.g. "restaking/7: delegation
// target is not active"), and "internal error" for an unregistered error.
//
// Acknowledgements are committed state that every full node re-executes, so
// they carry only values fixed at registration, as ibc-go's
// NewErrorAcknowledgementWithCodespace does with its constant text; the
// wrapped details (which id, which field, which status) may be reworded
// between patch releases and go to EventRestakeRefused instead.
func NewErrorAcknowledgement(err error) channeltypes.Acknowledgement {
	codespace, code, _ := errorsmod.ABCIInfo(err, false)
	description := "internal error"
	var registered *errorsmod.Error
	if errors.As(err, &registered) {
		description = registered.Error()
	}
	return channeltypes.Acknowledgement{
		Response: &channeltypes.Acknowledgement_Error{
			Error: fmt.Sprintf("ABCI error: %s/%d: %s", codespace, code, description),
		},
	}
}
