package app

import (
	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	"github.com/cosmos/cosmos-sdk/x/auth/ante"
	ibcante "github.com/cosmos/ibc-go/v8/modules/core/ante"
	ibckeeper "github.com/cosmos/ibc-go/v8/modules/core/keeper"
)

// newAnteHandler is the SDK's standard ante chain (fees in umilk, signature
// checks, sequence numbers; a sequencer checks a signature once, see
// ante_verify_once.go) plus IBC's redundant-relay filter, which keeps
// relayers from paying twice for a packet another relayer already delivered.
func newAnteHandler(opts ante.HandlerOptions, ibcKeeper *ibckeeper.Keeper, verified *verifiedTxs) (sdk.AnteHandler, error) {
	if opts.AccountKeeper == nil || opts.BankKeeper == nil || opts.SignModeHandler == nil || ibcKeeper == nil || verified == nil {
		return nil, errorsmod.Wrap(sdkerrors.ErrLogic, "ante handler needs the account, bank and IBC keepers, a sign mode handler and the memory of verified txs")
	}
	decorators := []sdk.AnteDecorator{
		ante.NewSetUpContextDecorator(),
		ante.NewExtensionOptionsDecorator(opts.ExtensionOptionChecker),
		ante.NewValidateBasicDecorator(),
		ante.NewTxTimeoutHeightDecorator(),
		ante.NewValidateMemoDecorator(opts.AccountKeeper),
		ante.NewConsumeGasForTxSizeDecorator(opts.AccountKeeper),
		ante.NewDeductFeeDecorator(opts.AccountKeeper, opts.BankKeeper, opts.FeegrantKeeper, opts.TxFeeChecker),
		ante.NewSetPubKeyDecorator(opts.AccountKeeper),
		ante.NewValidateSigCountDecorator(opts.AccountKeeper),
		ante.NewSigGasConsumeDecorator(opts.AccountKeeper, opts.SigGasConsumer),
		newVerifyOnceDecorator(opts.AccountKeeper, ante.NewSigVerificationDecorator(opts.AccountKeeper, opts.SignModeHandler), verified),
		ante.NewIncrementSequenceDecorator(opts.AccountKeeper),
		ibcante.NewRedundantRelayDecorator(ibcKeeper),
	}
	return sdk.ChainAnteDecorators(decorators...), nil
}
