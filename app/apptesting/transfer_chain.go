// Package apptesting runs the real rollup app in process for tests that
// need its whole module graph, IBC included. It returns errors rather than
// failing a test itself, so suites and plain tests report failures in the
// (sub)test that called.
package apptesting

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"cosmossdk.io/log"
	abci "github.com/cometbft/cometbft/abci/types"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	transfertypes "github.com/cosmos/ibc-go/v8/modules/apps/transfer/types"
	clienttypes "github.com/cosmos/ibc-go/v8/modules/core/02-client/types"
	channeltypes "github.com/cosmos/ibc-go/v8/modules/core/04-channel/types"
	ibcexported "github.com/cosmos/ibc-go/v8/modules/core/exported"
	localhost "github.com/cosmos/ibc-go/v8/modules/light-clients/09-localhost"

	"github.com/milkyway-labs/milkyway-rollup/app"
	sequencerkeeper "github.com/milkyway-labs/milkyway-rollup/x/sequencer/keeper"
	sequencertypes "github.com/milkyway-labs/milkyway-rollup/x/sequencer/types"
)

// Channel ends: transfers leave on SrcChannel and arrive on DstChannel,
// both on the transfer port of the same chain.
const (
	Port       = transfertypes.PortID
	SrcChannel = "channel-0"
	DstChannel = "channel-1"
)

// SenderFunds is the umilk the sender starts with.
const SenderFunds = int64(1_000_000_000_000)

// GenesisTime is the chain's genesis time; block 1 is a second later and
// the context a test runs in is block 2, two seconds later.
var GenesisTime = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// TransferChain is the real rollup app with its real IBC core and
// transfer stack on a transfer channel from the chain to itself over
// ibc-go's 09-localhost client: MsgTransfer escrows on SrcChannel, IBC
// core's RecvPacket (proof checked against the chain's own state, the
// callback in a cache context written only on a successful ack) delivers
// on DstChannel, and MsgAcknowledgement on SrcChannel refunds after an
// error ack. (ibc-go's ibctesting cannot be linked with this app: its
// simapp registers the SDK's x/slashing errors under the codespace
// "slashing", which this chain's x/slashing uses.)
type TransferChain struct {
	App    *app.App
	Ctx    sdk.Context    // block 2, written directly to the app's store
	Sender sdk.AccAddress // funded with SenderFunds umilk, sends the transfers
	Seq    uint64         // sequence of the last packet sent on SrcChannel
}

// NewTransferChain builds the app from the genesis `milkywayd init`
// writes (a sequencer; the sequencing service 1 with its ACTIVE operator
// 1, both administered by governance), funds the sender, runs block 1 and
// opens the localhost transfer channel; genesis, if not nil, edits the
// genesis first.
func NewTransferChain(chainID string, genesis func(codec.JSONCodec, map[string]json.RawMessage)) (*TransferChain, error) {
	a := app.New(log.NewNopLogger(), dbm.NewMemDB(), nil, true, simtestutil.EmptyAppOptions{}, baseapp.SetChainID(chainID))
	cdc := a.AppCodec()
	c := &TransferChain{App: a, Sender: NewAccount()}

	pk := ed25519.GenPrivKey().PubKey()
	seq, err := sequencertypes.NewSequencer("seq", pk)
	if err != nil {
		return nil, err
	}
	state := a.DefaultGenesis()
	state[sequencertypes.ModuleName] = cdc.MustMarshalJSON(&sequencertypes.GenesisState{Sequencer: seq})
	if err := app.SetGenesisDenoms(cdc, state); err != nil {
		return nil, err
	}
	if err := app.SetSequencingGenesis(cdc, state, "seq", GenesisTime); err != nil {
		return nil, err
	}
	var bank banktypes.GenesisState
	cdc.MustUnmarshalJSON(state[banktypes.ModuleName], &bank)
	bank.Balances = append(bank.Balances, banktypes.Balance{Address: c.Sender.String(), Coins: sdk.NewCoins(sdk.NewInt64Coin(app.BondDenom, SenderFunds))})
	state[banktypes.ModuleName] = cdc.MustMarshalJSON(&bank)
	var auth authtypes.GenesisState
	cdc.MustUnmarshalJSON(state[authtypes.ModuleName], &auth)
	acc, err := codectypes.NewAnyWithValue(authtypes.NewBaseAccountWithAddress(c.Sender))
	if err != nil {
		return nil, err
	}
	auth.Accounts = append(auth.Accounts, acc)
	state[authtypes.ModuleName] = cdc.MustMarshalJSON(&auth)
	if genesis != nil {
		genesis(cdc, state)
	}
	stateBytes, err := json.Marshal(state)
	if err != nil {
		return nil, err
	}
	update, err := sequencerkeeper.ValidatorUpdate(seq)
	if err != nil {
		return nil, err
	}
	if _, err := a.InitChain(&abci.RequestInitChain{
		ChainId: chainID, Time: GenesisTime, InitialHeight: 1, AppStateBytes: stateBytes,
		Validators: []abci.ValidatorUpdate{update}, ConsensusParams: simtestutil.DefaultConsensusParams,
	}); err != nil {
		return nil, err
	}
	if _, err := a.FinalizeBlock(&abci.RequestFinalizeBlock{Height: 1, Time: GenesisTime.Add(time.Second), ProposerAddress: pk.Address()}); err != nil {
		return nil, err
	}
	if _, err := a.Commit(); err != nil {
		return nil, err
	}
	c.Ctx = a.NewUncachedContext(false, cmtproto.Header{ChainID: chainID, Height: 2, Time: GenesisTime.Add(2 * time.Second)})

	signer := c.Sender.String()
	hops := []string{ibcexported.LocalhostConnectionID}
	for _, msg := range []sdk.Msg{
		channeltypes.NewMsgChannelOpenInit(Port, transfertypes.Version, channeltypes.UNORDERED, hops, Port, signer),
		channeltypes.NewMsgChannelOpenTry(Port, transfertypes.Version, channeltypes.UNORDERED, hops, Port, SrcChannel,
			transfertypes.Version, localhost.SentinelProof, c.ProofHeight(), signer),
		channeltypes.NewMsgChannelOpenAck(Port, SrcChannel, DstChannel, transfertypes.Version, localhost.SentinelProof, c.ProofHeight(), signer),
		channeltypes.NewMsgChannelOpenConfirm(Port, DstChannel, localhost.SentinelProof, c.ProofHeight(), signer),
	} {
		if _, err := c.Deliver(msg); err != nil {
			return nil, fmt.Errorf("opening the localhost channel: %w", err)
		}
	}
	return c, nil
}

// NewAccount is a fresh account address of the rollup.
func NewAccount() sdk.AccAddress { return sdk.AccAddress(secp256k1.GenPrivKey().PubKey().Address()) }

// ProofHeight is the height localhost proofs are checked at.
func (c *TransferChain) ProofHeight() clienttypes.Height {
	return clienttypes.NewHeight(0, uint64(c.Ctx.BlockHeight()))
}

// Voucher is the ibc/HASH denom DstChannel mints for baseDenom sent from
// SrcChannel: the hash of "transfer/channel-1/<baseDenom>".
func Voucher(baseDenom string) string {
	return transfertypes.ParseDenomTrace(transfertypes.GetPrefixedDenom(Port, DstChannel, baseDenom)).IBCDenom()
}

// Deliver runs a Msg through the app's Msg router, as it runs after the
// ante handler, and returns its events. The handler writes to Ctx
// directly: a refused Msg leaves whatever its handler wrote before it
// failed, which runTx would discard (see DeliverAtomic).
func (c *TransferChain) Deliver(msg sdk.Msg) ([]abci.Event, error) {
	handler := c.App.MsgServiceRouter().Handler(msg)
	if handler == nil {
		return nil, fmt.Errorf("no handler for %T", msg)
	}
	res, err := handler(c.Ctx, msg)
	if err != nil {
		return nil, err
	}
	return res.GetEvents().ToABCIEvents(), nil
}

// DeliverAtomic runs a Msg as runTx runs a transaction's Msgs: in a cache
// of Ctx written only if the Msg succeeds, so a refused Msg leaves no
// state behind, whatever its handler wrote before it failed.
func (c *TransferChain) DeliverAtomic(msg sdk.Msg) ([]abci.Event, error) {
	handler := c.App.MsgServiceRouter().Handler(msg)
	if handler == nil {
		return nil, fmt.Errorf("no handler for %T", msg)
	}
	cache, write := c.Ctx.CacheContext()
	res, err := handler(cache, msg)
	if err != nil {
		return nil, err
	}
	write()
	return res.GetEvents().ToABCIEvents(), nil
}

// Send transfers coin from the sender to receiver with memo on SrcChannel
// (escrowing it) and returns the packet, checked against the commitment
// IBC core stored.
func (c *TransferChain) Send(coin sdk.Coin, receiver, memo string) (channeltypes.Packet, error) {
	timeout := uint64(c.Ctx.BlockTime().Add(time.Hour).UnixNano())
	if _, err := c.Deliver(transfertypes.NewMsgTransfer(Port, SrcChannel, coin, c.Sender.String(), receiver,
		clienttypes.ZeroHeight(), timeout, memo)); err != nil {
		return channeltypes.Packet{}, err
	}
	c.Seq++
	data := transfertypes.NewFungibleTokenPacketData(coin.Denom, coin.Amount.String(), c.Sender.String(), receiver, memo)
	packet := channeltypes.NewPacket(data.GetBytes(), c.Seq, Port, SrcChannel, Port, DstChannel, clienttypes.ZeroHeight(), timeout)
	commitment := c.App.IBCKeeper.ChannelKeeper.GetPacketCommitment(c.Ctx, Port, SrcChannel, c.Seq)
	if !bytes.Equal(channeltypes.CommitPacket(c.App.AppCodec(), packet), commitment) {
		return channeltypes.Packet{}, errors.New("the packet rebuilt is not the one sent")
	}
	return packet, nil
}

// Recv delivers packet on DstChannel through IBC core's MsgRecvPacket and
// returns the acknowledgement written (not yet relayed back), checked
// against its stored commitment, and the events of the receive.
func (c *TransferChain) Recv(packet channeltypes.Packet) ([]byte, []abci.Event, error) {
	events, err := c.Deliver(channeltypes.NewMsgRecvPacket(packet, localhost.SentinelProof, c.ProofHeight(), c.Sender.String()))
	if err != nil {
		return nil, nil, err
	}
	commitment, found := c.App.IBCKeeper.ChannelKeeper.GetPacketAcknowledgement(c.Ctx, Port, DstChannel, packet.Sequence)
	if !found {
		return nil, nil, errors.New("no acknowledgement written")
	}
	for _, e := range events {
		if e.Type != channeltypes.EventTypeWriteAck {
			continue
		}
		for _, attr := range e.Attributes {
			if attr.Key != channeltypes.AttributeKeyAckHex {
				continue
			}
			bz, err := hex.DecodeString(attr.Value)
			if err != nil {
				return nil, nil, err
			}
			if !bytes.Equal(channeltypes.CommitAcknowledgement(bz), commitment) {
				return nil, nil, errors.New("the acknowledgement in the event is not the one committed")
			}
			return bz, events, nil
		}
	}
	return nil, nil, errors.New("no write_acknowledgement event")
}

// Acknowledge relays the acknowledgement back to the sending end.
func (c *TransferChain) Acknowledge(packet channeltypes.Packet, ack []byte) error {
	_, err := c.Deliver(channeltypes.NewMsgAcknowledgement(packet, ack, localhost.SentinelProof, c.ProofHeight(), c.Sender.String()))
	return err
}
