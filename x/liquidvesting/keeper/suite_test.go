package keeper_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	transfertypes "github.com/cosmos/ibc-go/v8/modules/apps/transfer/types"
	clienttypes "github.com/cosmos/ibc-go/v8/modules/core/02-client/types"
	channeltypes "github.com/cosmos/ibc-go/v8/modules/core/04-channel/types"
	ibcexported "github.com/cosmos/ibc-go/v8/modules/core/exported"
	"github.com/stretchr/testify/suite"

	"github.com/milkyway-labs/milkyway-rollup/app"
	"github.com/milkyway-labs/milkyway-rollup/app/apptesting/keepertest"
	"github.com/milkyway-labs/milkyway-rollup/x/liquidvesting/keeper"
	"github.com/milkyway-labs/milkyway-rollup/x/liquidvesting/types"
	operatorskeeper "github.com/milkyway-labs/milkyway-rollup/x/operators/keeper"
	operatorstypes "github.com/milkyway-labs/milkyway-rollup/x/operators/types"
	restakingkeeper "github.com/milkyway-labs/milkyway-rollup/x/restaking/keeper"
	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// Named fixtures. The suite runs on a real app (bank, transfer, restaking,
// slashing all wired as in production), so restrictions and the IBC
// middleware are exercised through the same paths a transaction takes.
var (
	minter   = sdk.AccAddress([]byte("lv-minter___________"))
	burner   = sdk.AccAddress([]byte("lv-burner___________"))
	alice    = sdk.AccAddress([]byte("lv-alice____________"))
	bob      = sdk.AccAddress([]byte("lv-bob______________"))
	stranger = sdk.AccAddress([]byte("lv-stranger_________"))
)

const (
	allowedChannel = "channel-0"
	otherChannel   = "channel-9"
	remoteChannel  = "channel-7" // the counterparty's end of allowedChannel
	remoteDenom    = "utia"
)

// tiaDenom is remote utia received over allowedChannel: the underlying
// denom of lockedTia and the denom insurance funds hold.
var (
	tiaDenom  = transfertypes.ParseDenomTrace("transfer/" + allowedChannel + "/" + remoteDenom).IBCDenom()
	lockedTia = types.LockedDenom(tiaDenom)
)

func init() { sdk.GetConfig().SetBech32PrefixForAccount(app.Bech32Prefix, app.Bech32Prefix+"pub") }

type KeeperTestSuite struct {
	suite.Suite
	app       *app.App
	ctx       sdk.Context
	k         *keeper.Keeper
	msgs      types.MsgServer
	queries   types.QueryServer
	restaking restakingtypes.MsgServer
	authority string
}

func TestKeeperTestSuite(t *testing.T) { suite.Run(t, new(KeeperTestSuite)) }

func (s *KeeperTestSuite) SetupTest() {
	f := keepertest.New(s.T())
	s.app, s.ctx = f.App, f.Ctx
	s.Require().NoError(s.app.RestakingKeeper.BeginBlocker(s.ctx))
	s.k = s.app.LiquidVestingKeeper
	s.msgs = keeper.NewMsgServer(s.k)
	s.queries = keeper.NewQueryServer(s.k)
	s.restaking = restakingkeeper.NewMsgServer(s.app.RestakingKeeper)
	s.authority = authtypes.NewModuleAddress("gov").String()
	params := types.DefaultParams()
	params.Minters = []string{minter.String()}
	params.Burners = []string{burner.String()}
	params.AllowedChannels = []string{allowedChannel}
	_, err := s.msgs.UpdateParams(s.ctx, &types.MsgUpdateParams{Authority: s.authority, Params: params})
	s.Require().NoError(err)
}

func coins(amount int64, denom string) sdk.Coins {
	return sdk.NewCoins(sdk.NewCoin(denom, sdkmath.NewInt(amount)))
}

// mint mints locked tokens (underlying amount of tiaDenom) to user.
func (s *KeeperTestSuite) mint(user sdk.AccAddress, amount int64) {
	_, err := s.msgs.MintLockedRepresentation(s.ctx, &types.MsgMintLockedRepresentation{
		Sender: minter.String(), Receiver: user.String(), Amount: coins(amount, tiaDenom),
	})
	s.Require().NoError(err)
}

// depositPacket is an ICS-20 packet of amount remote utia over channel
// to receiver, with memo.
func depositPacket(channel, receiver, memo string, amount int64) channeltypes.Packet {
	data := transfertypes.NewFungibleTokenPacketData(remoteDenom, fmt.Sprint(amount), "cosmos1sender", receiver, memo)
	return channeltypes.NewPacket(data.GetBytes(), 1, "transfer", remoteChannel, "transfer", channel,
		clienttypes.ZeroHeight(), 0) // recv sets the timeout timestamp
}

// depositMemo builds a deposit memo crediting each user amount remote utia.
func depositMemo(deposits map[string]int64) string {
	var amounts []types.InsuranceDeposit
	for user, amt := range deposits {
		amounts = append(amounts, types.InsuranceDeposit{Depositor: user, Amount: sdk.NewInt64Coin(remoteDenom, amt)})
	}
	bz, err := json.Marshal(map[string]types.DepositMemo{types.MemoKey: {Amounts: amounts}})
	if err != nil {
		panic(err)
	}
	return string(bz)
}

// recv delivers packet to the app's transfer route as IBC core does:
// in a branch of the state, kept only on a successful acknowledgement.
func (s *KeeperTestSuite) recv(packet channeltypes.Packet) ibcexported.Acknowledgement {
	route, ok := s.app.IBCKeeper.Router.GetRoute(transfertypes.ModuleName)
	s.Require().True(ok)
	packet.TimeoutTimestamp = uint64(s.ctx.BlockTime().Add(time.Hour).UnixNano())
	cacheCtx, write := s.ctx.CacheContext()
	ack := route.OnRecvPacket(cacheCtx, packet, nil)
	if ack.Success() {
		write()
	}
	return ack
}

// deposit funds user's insurance with amount tiaDenom through IBC.
func (s *KeeperTestSuite) deposit(user sdk.AccAddress, amount int64) {
	memo := depositMemo(map[string]int64{user.String(): amount})
	ack := s.recv(depositPacket(allowedChannel, s.k.ModuleAddress().String(), memo, amount))
	s.Require().True(ack.Success(), string(ack.Acknowledgement()))
}

// registerOperator registers an (active) operator and returns its id.
func (s *KeeperTestSuite) registerOperator() uint32 {
	res, err := operatorskeeper.NewMsgServer(s.app.OperatorsKeeper).RegisterOperator(s.ctx,
		&operatorstypes.MsgRegisterOperator{
			Sender: stranger.String(), Moniker: "op",
			CommissionRate: sdkmath.LegacyNewDecWithPrec(1, 1), MaxCommissionRate: sdkmath.LegacyNewDecWithPrec(2, 1),
			MaxCommissionChangeRate: sdkmath.LegacyNewDecWithPrec(1, 2),
		})
	s.Require().NoError(err)
	return res.NewOperatorId
}

func (s *KeeperTestSuite) delegateOperator(user sdk.AccAddress, id uint32, amount sdk.Coins) error {
	_, err := s.restaking.DelegateOperator(s.ctx, &restakingtypes.MsgDelegateOperator{
		Delegator: user.String(), OperatorId: id, Amount: amount,
	})
	return err
}

func (s *KeeperTestSuite) fund(user sdk.AccAddress) sdk.Coins {
	f, err := s.k.GetInsuranceFund(s.ctx, user)
	s.Require().NoError(err)
	return f
}

func (s *KeeperTestSuite) balance(addr sdk.AccAddress, denom string) sdkmath.Int {
	return s.app.BankKeeper.GetBalance(s.ctx, addr, denom).Amount
}

// snapshot is everything a rejected operation must leave unchanged.
type snapshot struct {
	genesis  *types.GenesisState
	balances map[string]sdk.Coins
	supply   sdk.Coins
}

func (s *KeeperTestSuite) snapshot(addrs ...sdk.AccAddress) snapshot {
	gs, err := s.k.ExportGenesis(s.ctx)
	s.Require().NoError(err)
	snap := snapshot{genesis: gs, balances: map[string]sdk.Coins{}}
	for _, a := range append(addrs, s.k.ModuleAddress()) {
		snap.balances[a.String()] = s.app.BankKeeper.GetAllBalances(s.ctx, a)
	}
	for _, d := range []string{tiaDenom, lockedTia} {
		snap.supply = snap.supply.Add(s.app.BankKeeper.GetSupply(s.ctx, d))
	}
	return snap
}

func (s *KeeperTestSuite) requireInvariant() {
	msg, broken := s.k.InsuranceFundsInvariant(s.ctx)
	s.Require().False(broken, msg)
}

// tx runs fn as baseapp runs a transaction's messages: in a branch of the
// state, written only if fn succeeds.
func (s *KeeperTestSuite) tx(fn func(ctx sdk.Context) error) error {
	cacheCtx, write := s.ctx.CacheContext()
	err := fn(cacheCtx)
	if err == nil {
		write()
	}
	return err
}

// ibcDenomOver is remote utia received over channel.
func ibcDenomOver(channel string) string {
	return transfertypes.ParseDenomTrace("transfer/" + channel + "/" + remoteDenom).IBCDenom()
}

// errCode is how an error ack names a registered error.
func errCode(err error) string {
	_, code, _ := errorsmod.ABCIInfo(err, false)
	return fmt.Sprintf("ABCI code: %d", code)
}

func (s *KeeperTestSuite) delegateOperatorCtx(ctx sdk.Context, user sdk.AccAddress, id uint32, amount sdk.Coins) error {
	_, err := s.restaking.DelegateOperator(ctx, &restakingtypes.MsgDelegateOperator{Delegator: user.String(), OperatorId: id, Amount: amount})
	return err
}

func (s *KeeperTestSuite) undelegateOperatorCtx(ctx sdk.Context, user sdk.AccAddress, id uint32, amount sdk.Coins) error {
	_, err := s.restaking.UndelegateOperator(ctx, &restakingtypes.MsgUndelegateOperator{Delegator: user.String(), OperatorId: id, Amount: amount})
	return err
}
