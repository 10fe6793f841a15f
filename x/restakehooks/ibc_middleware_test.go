package restakehooks_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"
	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	"github.com/cosmos/gogoproto/proto"
	transfertypes "github.com/cosmos/ibc-go/v8/modules/apps/transfer/types"
	channeltypes "github.com/cosmos/ibc-go/v8/modules/core/04-channel/types"
	"github.com/stretchr/testify/suite"

	"github.com/milkyway-labs/milkyway-rollup/app"
	"github.com/milkyway-labs/milkyway-rollup/app/apptesting"
	assetstypes "github.com/milkyway-labs/milkyway-rollup/x/assets/types"
	operatorstypes "github.com/milkyway-labs/milkyway-rollup/x/operators/types"
	poolstypes "github.com/milkyway-labs/milkyway-rollup/x/pools/types"
	pricestypes "github.com/milkyway-labs/milkyway-rollup/x/prices/types"
	"github.com/milkyway-labs/milkyway-rollup/x/restakehooks/types"
	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
	rewardstypes "github.com/milkyway-labs/milkyway-rollup/x/rewards/types"
	servicestypes "github.com/milkyway-labs/milkyway-rollup/x/services/types"
	slashingtypes "github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// Fixtures of the rollup's genesis (see setup).
const (
	sequencingService  = uint32(1) // ACTIVE
	sequencerOperator  = uint32(1) // ACTIVE, joined the sequencing service
	sent               = int64(1_000_000)
	memoPool           = `{"restake":{"target":"pool"}}`
	memoOperator       = `{"restake":{"target":"operator","id":1}}`
	memoService        = `{"restake":{"target":"service","id":1}}`
	eventRestaked      = "milkyway.restakehooks.v1.EventRestakeOnArrival"
	ibcErrorPrefix     = "ibccallbackerror-"
	eventRestakeFailed = ibcErrorPrefix + "milkyway.restakehooks.v1.EventRestakeRefused"
)

var gov = authtypes.NewModuleAddress(govtypes.ModuleName).String()

// MiddlewareTestSuite runs the real rollup app with its real IBC core
// and transfer stack on a transfer channel from the chain to itself over
// ibc-go's 09-localhost client (apptesting.TransferChain): MsgTransfer
// escrows on channel-0, IBC core's RecvPacket delivers on channel-1
// through the middleware, and MsgAcknowledgement on channel-0 refunds
// after an error ack.
type MiddlewareTestSuite struct {
	suite.Suite
	chain  *apptesting.TransferChain
	app    *app.App
	ctx    sdk.Context
	sender sdk.AccAddress // funded with umilk, sends the transfers
}

func TestMiddleware(t *testing.T) { suite.Run(t, new(MiddlewareTestSuite)) }

func (s *MiddlewareTestSuite) SetupTest() { s.setup(nil) }

// Channel ends: transfers leave on srcChannel and arrive on dstChannel.
const (
	port       = apptesting.Port
	srcChannel = apptesting.SrcChannel
	dstChannel = apptesting.DstChannel
	chainID    = "restakehooks-1"
)

var genesisTime = apptesting.GenesisTime

// setup builds the app from the genesis `milkywayd init` writes (a
// sequencer; the sequencing service 1 with its ACTIVE operator 1, both
// administered by governance), funds the sender, runs block 1 and opens
// the localhost transfer channel; genesis, if not nil, edits the genesis.
func (s *MiddlewareTestSuite) setup(genesis func(codec.JSONCodec, map[string]json.RawMessage)) {
	chain, err := apptesting.NewTransferChain(chainID, genesis)
	s.Require().NoError(err)
	s.chain, s.app, s.ctx, s.sender = chain, chain.App, chain.Ctx, chain.Sender
}

// voucher is the denom the receiving end mints for umilk.
func (s *MiddlewareTestSuite) voucher() string { return apptesting.Voucher(app.BondDenom) }

// newReceiver is a fresh account of the rollup.
func newReceiver() sdk.AccAddress { return apptesting.NewAccount() }

// transfer sends and receives (see send and recv).
func (s *MiddlewareTestSuite) transfer(receiver, memo string) (channeltypes.Packet, []byte, []abci.Event) {
	packet := s.send(receiver, memo)
	ack, events := s.recv(packet)
	return packet, ack, events
}

// send transfers sent umilk from the sender to receiver with memo on
// srcChannel (escrowing it) and returns the packet.
func (s *MiddlewareTestSuite) send(receiver, memo string) channeltypes.Packet {
	packet, err := s.chain.Send(sdk.NewInt64Coin(app.BondDenom, sent), receiver, memo)
	s.Require().NoError(err)
	return packet
}

// recv delivers packet on dstChannel through IBC core's MsgRecvPacket and
// returns the acknowledgement written (not yet relayed back) and the
// events of the receive.
func (s *MiddlewareTestSuite) recv(packet channeltypes.Packet) ([]byte, []abci.Event) {
	ack, events, err := s.chain.Recv(packet)
	s.Require().NoError(err)
	return ack, events
}

// acknowledge relays the acknowledgement back to the sending end.
func (s *MiddlewareTestSuite) acknowledge(packet channeltypes.Packet, ack []byte) {
	s.Require().NoError(s.chain.Acknowledge(packet, ack))
}

func decodeAck(s *MiddlewareTestSuite, bz []byte) channeltypes.Acknowledgement {
	var ack channeltypes.Acknowledgement
	s.Require().NoError(channeltypes.SubModuleCdc.UnmarshalJSON(bz, &ack))
	return ack
}

// deliver runs a Msg through the app's Msg router, as it runs after the
// ante handler, and returns its events.
func (s *MiddlewareTestSuite) deliver(msg sdk.Msg) []abci.Event {
	events, err := s.chain.Deliver(msg)
	s.Require().NoError(err, "%T", msg)
	return events
}

// refusals decodes the EventRestakeRefused of a receive: IBC core
// prefixes the type and keys of every event of a refused packet.
func refusals(s *MiddlewareTestSuite, events []abci.Event) []proto.Message {
	var out []proto.Message
	for _, e := range events {
		if e.Type != eventRestakeFailed {
			continue
		}
		e.Type = strings.TrimPrefix(e.Type, ibcErrorPrefix)
		attrs := make([]abci.EventAttribute, len(e.Attributes))
		for i, a := range e.Attributes {
			attrs[i] = abci.EventAttribute{Key: strings.TrimPrefix(a.Key, ibcErrorPrefix), Value: a.Value}
		}
		e.Attributes = attrs
		msg, err := sdk.ParseTypedEvent(e)
		s.Require().NoError(err)
		out = append(out, msg)
	}
	return out
}

// typedEvents decodes the typed events of name from a tx result.
func typedEvents(s *MiddlewareTestSuite, events []abci.Event, name string) []proto.Message {
	var out []proto.Message
	for _, e := range events {
		if e.Type == name {
			msg, err := sdk.ParseTypedEvent(e)
			s.Require().NoError(err)
			out = append(out, msg)
		}
	}
	return out
}

// rollupState is what a refused packet must leave unchanged on the rollup:
// the exported state of every module a restake touches, with the clocks
// that move every block blanked, and whether the receiver has an account.
func (s *MiddlewareTestSuite) rollupState(receiver sdk.AccAddress) map[string]string {
	a, ctx := s.app, s.ctx
	modules := []string{banktypes.ModuleName, transfertypes.ModuleName, restakingtypes.ModuleName, poolstypes.ModuleName,
		operatorstypes.ModuleName, servicestypes.ModuleName, rewardstypes.ModuleName, slashingtypes.ModuleName}
	gen, err := a.ModuleManager.ExportGenesisForModules(ctx, a.AppCodec(), modules)
	s.Require().NoError(err)
	var rs restakingtypes.GenesisState
	a.AppCodec().MustUnmarshalJSON(gen[restakingtypes.ModuleName], &rs)
	rs.Clock = time.Time{}
	gen[restakingtypes.ModuleName] = a.AppCodec().MustMarshalJSON(&rs)
	var rw rewardstypes.GenesisState
	a.AppCodec().MustUnmarshalJSON(gen[rewardstypes.ModuleName], &rw)
	rw.LastAllocation = time.Time{}
	gen[rewardstypes.ModuleName] = a.AppCodec().MustMarshalJSON(&rw)

	out := map[string]string{}
	for name, bz := range gen {
		out[name] = string(bz)
	}
	if a.AccountKeeper.HasAccount(ctx, receiver) {
		out["receiver account"] = "exists"
	}
	return out
}

// checkRestaked checks a delegation of sent vouchers by receiver to
// target, with the tokens in the target's account and none left with the
// receiver, and the event saying so.
func (s *MiddlewareTestSuite) checkRestaked(res []abci.Event, receiver sdk.AccAddress, t restakingtypes.DelegationType, id uint32, targetAddr sdk.AccAddress) {
	a, ctx := s.app, s.ctx
	voucher := s.voucher()
	s.Require().True(a.BankKeeper.GetBalance(ctx, receiver, voucher).IsZero(), "nothing stays with the receiver")
	s.Require().Equal(sdkmath.NewInt(sent), a.BankKeeper.GetBalance(ctx, targetAddr, voucher).Amount, "the target holds the tokens")
	del, found, err := a.RestakingKeeper.GetDelegation(ctx, t, id, receiver)
	s.Require().NoError(err)
	s.Require().True(found, "delegation of the receiver")
	s.Require().Equal(sdk.NewDecCoins(sdk.NewInt64DecCoin(voucher, sent)), del.Shares)

	events := typedEvents(s, res, eventRestaked)
	s.Require().Len(events, 1)
	s.Require().Equal(&types.EventRestakeOnArrival{
		Receiver: receiver.String(), Sender: s.sender.String(),
		PortId: port, ChannelId: dstChannel, Sequence: s.chain.Seq,
		TargetType: t, TargetId: id, Amount: sdk.NewInt64Coin(voucher, sent),
		NewShares: sdk.NewDecCoins(sdk.NewInt64DecCoin(voucher, sent)),
	}, events[0])
}

func (s *MiddlewareTestSuite) TestRestakeToPoolOfTheDenom() {
	receiver := newReceiver()
	packet, ackBz, res := s.transfer(receiver.String(), memoPool)
	s.Require().True(decodeAck(s, ackBz).Success())

	pool, err := s.app.PoolsKeeper.GetPoolByDenom(s.ctx, s.voucher())
	s.Require().NoError(err, "the first restake of the voucher created its pool")
	s.checkRestaked(res, receiver, restakingtypes.DELEGATION_TYPE_POOL, pool.Id, sdk.MustAccAddressFromBech32(pool.Address))

	// The sending end sees a successful transfer: the tokens stay escrowed.
	before := s.sourceBalance()
	s.acknowledge(packet, ackBz)
	s.Require().Equal(before, s.sourceBalance())

	// Naming the pool by id adds to the same delegation.
	memo := `{"restake":{"target":"pool","id":` + jsonNumber(pool.Id) + `}}`
	_, ackBz, _ = s.transfer(receiver.String(), memo)
	s.Require().True(decodeAck(s, ackBz).Success())
	del, _, err := s.app.RestakingKeeper.GetDelegation(s.ctx, restakingtypes.DELEGATION_TYPE_POOL, pool.Id, receiver)
	s.Require().NoError(err)
	s.Require().Equal(sdk.NewDecCoins(sdk.NewInt64DecCoin(s.voucher(), 2*sent)), del.Shares)
}

func (s *MiddlewareTestSuite) TestRestakeToOperator() {
	receiver := newReceiver()
	_, ackBz, res := s.transfer(receiver.String(), memoOperator)
	s.Require().True(decodeAck(s, ackBz).Success())
	op, err := s.app.OperatorsKeeper.GetOperator(s.ctx, sequencerOperator)
	s.Require().NoError(err)
	s.checkRestaked(res, receiver, restakingtypes.DELEGATION_TYPE_OPERATOR, sequencerOperator, sdk.MustAccAddressFromBech32(op.Address))
}

func (s *MiddlewareTestSuite) TestRestakeToService() {
	receiver := newReceiver()
	_, ackBz, res := s.transfer(receiver.String(), memoService)
	s.Require().True(decodeAck(s, ackBz).Success())
	svc, err := s.app.ServicesKeeper.GetService(s.ctx, sequencingService)
	s.Require().NoError(err)
	s.checkRestaked(res, receiver, restakingtypes.DELEGATION_TYPE_SERVICE, sequencingService, sdk.MustAccAddressFromBech32(svc.Address))
}

// TestRefusedChangesNothingAndRefunds: each refusal is an error
// acknowledgement naming the registered error, leaves the rollup's state
// as it was (no voucher minted, no account, no pool, no delegation), and
// the sending end refunds the sender once the acknowledgement is relayed.
func (s *MiddlewareTestSuite) TestRefusedChangesNothingAndRefunds() {
	tests := []struct {
		name     string
		prepare  func(s *MiddlewareTestSuite)
		receiver func(s *MiddlewareTestSuite) string
		memo     string
		expErr   error
	}{
		{name: "unknown operator", memo: `{"restake":{"target":"operator","id":99}}`, expErr: restakingtypes.ErrTargetNotFound},
		{name: "unknown service", memo: `{"restake":{"target":"service","id":99}}`, expErr: restakingtypes.ErrTargetNotFound},
		{name: "unknown pool", memo: `{"restake":{"target":"pool","id":42}}`, expErr: restakingtypes.ErrTargetNotFound},
		{
			name: "pool of another denom",
			prepare: func(s *MiddlewareTestSuite) {
				s.deliver(&restakingtypes.MsgDelegatePool{Delegator: s.sender.String(), Amount: sdk.NewInt64Coin(app.BondDenom, 5)})
			},
			memo: `{"restake":{"target":"pool","id":1}}`, expErr: restakingtypes.ErrInvalidTarget,
		},
		{
			name: "service not active",
			prepare: func(s *MiddlewareTestSuite) {
				s.deliver(&servicestypes.MsgCreateService{Sender: s.sender.String(), Name: "oracle"})
			},
			memo: `{"restake":{"target":"service","id":2}}`, expErr: restakingtypes.ErrTargetNotActive,
		},
		{
			name: "operator deactivating",
			prepare: func(s *MiddlewareTestSuite) {
				s.deliver(&operatorstypes.MsgDeactivateOperator{Sender: gov, OperatorId: sequencerOperator})
			},
			memo: memoOperator, expErr: restakingtypes.ErrTargetNotActive,
		},
		{
			name: "denom not restakable",
			prepare: func(s *MiddlewareTestSuite) {
				s.setRestakingParams(func(p *restakingtypes.Params) { p.AllowedDenoms = []string{"umilk"} })
			},
			memo: memoPool, expErr: restakingtypes.ErrDenomNotRestakable,
		},
		{
			name: "restaking cap reached",
			prepare: func(s *MiddlewareTestSuite) {
				// 1_000_000 voucher units are 1 ATOM at 10 USD; the cap is 5 USD.
				feeder := s.sender.String()
				s.deliver(&assetstypes.MsgRegisterAsset{Authority: gov, Asset: assetstypes.Asset{Denom: s.voucher(), Ticker: "ATOM", Exponent: 6}})
				s.deliver(&pricestypes.MsgUpdateParams{Authority: gov, Params: pricestypes.Params{Feeders: []string{feeder}, MaxPriceAge: time.Hour}})
				s.deliver(&pricestypes.MsgPostPrices{Feeder: feeder, Prices: []pricestypes.TickerPrice{{Ticker: "ATOM", Price: sdkmath.LegacyNewDec(10)}}})
				s.setRestakingParams(func(p *restakingtypes.Params) { p.RestakingCap = sdkmath.LegacyNewDec(5) })
			},
			memo: memoPool, expErr: restakingtypes.ErrRestakingCapExceeded,
		},
		{name: "malformed memo", memo: `{"restake":{"target":"pool",}}`, expErr: types.ErrMalformedMemo},
		{name: "unknown target type", memo: `{"restake":{"target":"validator","id":1}}`, expErr: types.ErrUnknownTargetType},
		{name: "missing id", memo: `{"restake":{"target":"operator"}}`, expErr: types.ErrMissingTargetID},
		{name: "trust preferences in the memo", memo: `{"restake":{"target":"pool","trusted_services":[{"service_id":1}]}}`, expErr: types.ErrUnknownMemoField},
		{
			name:     "receiver of another chain",
			receiver: func(*MiddlewareTestSuite) string { return sdk.MustBech32ifyAddressBytes("osmo", newReceiver()) },
			memo:     memoPool, expErr: types.ErrInvalidReceiver,
		},
	}
	for _, tc := range tests {
		s.Run(tc.name, func() {
			s.SetupTest()
			if tc.prepare != nil {
				tc.prepare(s)
			}
			receiver := newReceiver()
			to := receiver.String()
			if tc.receiver != nil {
				to = tc.receiver(s)
			}
			s.checkRefused(receiver, to, tc.memo, tc.expErr)
		})
	}
}

// TestJailedOperatorRefused: the operator is jailed in the sequencing
// service from genesis.
func (s *MiddlewareTestSuite) TestJailedOperatorRefused() {
	s.setup(func(cdc codec.JSONCodec, state map[string]json.RawMessage) {
		var gs slashingtypes.GenesisState
		cdc.MustUnmarshalJSON(state[slashingtypes.ModuleName], &gs)
		gs.Jails = append(gs.Jails, slashingtypes.Jail{OperatorId: sequencerOperator, ServiceId: sequencingService, Until: genesisTime.Add(time.Hour)})
		state[slashingtypes.ModuleName] = cdc.MustMarshalJSON(&gs)
	})
	receiver := newReceiver()
	s.checkRefused(receiver, receiver.String(), memoOperator, slashingtypes.ErrOperatorJailed)
}

// checkRefused sends with memo and checks the refusal (see
// TestRefusedChangesNothingAndRefunds).
func (s *MiddlewareTestSuite) checkRefused(receiver sdk.AccAddress, to, memo string, expErr error) {
	sourceBefore := s.sourceBalance()
	packet := s.send(to, memo)
	s.Require().Equal(sourceBefore.Sub(sdk.NewInt64Coin(app.BondDenom, sent)), s.sourceBalance(), "escrowed on send")
	before := s.rollupState(receiver)
	ackBz, res := s.recv(packet)
	ack := decodeAck(s, ackBz)
	s.Require().False(ack.Success())
	exp := types.NewErrorAcknowledgement(expErr)
	s.Require().Equal(exp.GetError(), ack.GetError())
	s.Require().Equal(before, s.rollupState(receiver), "a refused packet leaves nothing on the rollup")
	s.Require().Empty(typedEvents(s, res, eventRestaked))
	refused := refusals(s, res)
	s.Require().Len(refused, 1, "the refusal is reported with its full error")
	ev := refused[0].(*types.EventRestakeRefused)
	s.Require().Equal(to, ev.Receiver)
	s.Require().Equal(packet.Sequence, ev.Sequence)
	s.Require().Contains(ev.Error, expErr.Error(), "the event has the full error")

	s.acknowledge(packet, ackBz)
	s.Require().Equal(sourceBefore, s.sourceBalance(), "refunded on the error acknowledgement")
}

// TestPassThrough: memos that are not restake instructions reach the
// transfer module untouched: the receiver is credited, nothing is
// delegated.
func (s *MiddlewareTestSuite) TestPassThrough() {
	for _, memo := range []string{"", "gm", `{"wasm":{"contract":"x","msg":{}}}`, `{"Restake":{"target":"pool"}}`, `["restake"]`} {
		s.Run(memo, func() {
			receiver := newReceiver()
			balance := s.app.BankKeeper.GetBalance(s.ctx, receiver, s.voucher())
			_, ackBz, res := s.transfer(receiver.String(), memo)
			s.Require().True(decodeAck(s, ackBz).Success())
			ctx := s.ctx
			s.Require().Equal(balance.AddAmount(sdkmath.NewInt(sent)), s.app.BankKeeper.GetBalance(ctx, receiver, s.voucher()))
			s.Require().Empty(typedEvents(s, res, eventRestaked))
			err := s.app.RestakingKeeper.IterateUserDelegations(ctx, receiver, func(restakingtypes.Delegation) (bool, error) {
				s.Fail("no delegation expected")
				return true, nil
			})
			s.Require().NoError(err)
		})
	}
}

func (s *MiddlewareTestSuite) setRestakingParams(edit func(*restakingtypes.Params)) {
	p, err := s.app.RestakingKeeper.GetParams(s.ctx)
	s.Require().NoError(err)
	edit(&p)
	s.deliver(&restakingtypes.MsgUpdateParams{Authority: gov, Params: p})
}

// sourceBalance is the sender's umilk, escrowed on send and refunded on an
// error acknowledgement.
func (s *MiddlewareTestSuite) sourceBalance() sdk.Coin {
	return s.app.BankKeeper.GetBalance(s.ctx, s.sender, app.BondDenom)
}

func jsonNumber(id uint32) string {
	bz, _ := json.Marshal(id)
	return string(bz)
}
