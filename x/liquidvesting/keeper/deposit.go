package keeper

import (
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
	transfertypes "github.com/cosmos/ibc-go/v8/modules/apps/transfer/types"
	ibcexported "github.com/cosmos/ibc-go/v8/modules/core/exported"

	"github.com/milkyway-labs/milkyway-rollup/x/liquidvesting/types"
)

// CheckDeposit validates an insurance deposit before the transfer module
// credits anything: an allowed channel, the module account as receiver,
// and memo amounts in the packet's denom summing to the packet amount. It
// returns the denom the coins will have on this chain.
func (k *Keeper) CheckDeposit(ctx sdk.Context, packet ibcexported.PacketI, data transfertypes.FungibleTokenPacketData,
	memo types.DepositMemo,
) (string, sdkmath.Int, error) {
	params, err := k.params.Get(ctx)
	if err != nil {
		return "", sdkmath.Int{}, err
	}
	if !params.IsAllowedChannel(packet.GetDestChannel()) {
		return "", sdkmath.Int{}, errorsmod.Wrapf(types.ErrChannelNotAllowed, "%s", packet.GetDestChannel())
	}
	if data.Receiver != k.moduleAddr.String() {
		return "", sdkmath.Int{}, errorsmod.Wrapf(types.ErrInvalidDepositReceiver, "receiver %s, module account %s", data.Receiver, k.moduleAddr)
	}
	amount, ok := sdkmath.NewIntFromString(data.Amount)
	if !ok {
		return "", sdkmath.Int{}, errorsmod.Wrapf(types.ErrDepositMismatch, "packet amount %q", data.Amount)
	}
	total := memo.Total()
	if total.Denom != data.Denom || !total.Amount.Equal(amount) {
		return "", sdkmath.Int{}, errorsmod.Wrapf(types.ErrDepositMismatch, "memo sums to %s, packet carries %s%s", total, data.Amount, data.Denom)
	}
	return ReceivedDenom(packet, data.Denom), amount, nil
}

// ReceivedDenom is the denom an ICS-20 packet's coins have once received
// here, computed as the transfer module does: a token returning to its
// source loses the hop prefix, any other gains this end's port/channel
// and becomes an ibc/ hash.
func ReceivedDenom(packet ibcexported.PacketI, denom string) string {
	if transfertypes.ReceiverChainIsSource(packet.GetSourcePort(), packet.GetSourceChannel(), denom) {
		unprefixed := denom[len(transfertypes.GetDenomPrefix(packet.GetSourcePort(), packet.GetSourceChannel())):]
		return transfertypes.ParseDenomTrace(unprefixed).IBCDenom()
	}
	prefixed := transfertypes.GetDenomPrefix(packet.GetDestPort(), packet.GetDestChannel()) + denom
	return transfertypes.ParseDenomTrace(prefixed).IBCDenom()
}

// CreditDeposit adds each memo amount, in the received denom, to its
// depositor's fund. The transfer module has already credited the module
// account with the same total.
func (k *Keeper) CreditDeposit(ctx sdk.Context, channel, denom string, memo types.DepositMemo) error {
	for _, d := range memo.Amounts {
		user := sdk.MustAccAddressFromBech32(d.Depositor) // checked by DepositMemo.Validate
		balance, err := k.GetInsuranceFund(ctx, user)
		if err != nil {
			return err
		}
		credit := sdk.NewCoins(sdk.NewCoin(denom, d.Amount.Amount))
		if err := k.setInsuranceFund(ctx, user, balance.Add(credit...)); err != nil {
			return err
		}
		err = ctx.EventManager().EmitTypedEvent(&types.EventDepositInsuranceFund{Depositor: d.Depositor, Amount: credit, Channel: channel})
		if err != nil {
			return err
		}
	}
	return nil
}

// WithDepositing marks ctx as an insurance deposit, the only flow in which
// the send restriction lets underlying coins reach the module account.
func WithDepositing(ctx sdk.Context) sdk.Context { return withDepositing(ctx) }

// ModuleBalance is the module account's balance of denom.
func (k *Keeper) ModuleBalance(ctx sdk.Context, denom string) sdkmath.Int {
	return k.bank.GetBalance(ctx, k.moduleAddr, denom).Amount
}
