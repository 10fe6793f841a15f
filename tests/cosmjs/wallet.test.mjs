// A wallet's view of the chain through CosmJS 0.39, as Keplr-style wallets
// and dApps use it: read blocks and txs, subscribe over the websocket, sign
// with Direct and Amino, and broadcast through the DA-only full node.
//
// Inputs (set by tests/e2e/cosmjs_test.go): FULL_RPC and SEQ_RPC
// (http://host:port), CHAIN_ID, ALICE_KEY and BOB_KEY (secp256k1 private
// keys, hex).
import { test } from "node:test";
import assert from "node:assert/strict";
import { AminoTypes, SigningStargateClient, StargateClient, createDefaultAminoConverters, defaultRegistryTypes } from "@cosmjs/stargate";
import { DirectSecp256k1Wallet, Registry } from "@cosmjs/proto-signing";
import { Secp256k1Wallet } from "@cosmjs/amino";
import { Comet38Client, WebsocketClient } from "@cosmjs/tendermint-rpc";
import { fromHex } from "@cosmjs/encoding";
import { MsgDelegatePool, msgDelegatePoolTypeUrl, restakingAminoConverters } from "./msgs.mjs";

const { FULL_RPC, SEQ_RPC, CHAIN_ID, ALICE_KEY, BOB_KEY } = process.env;
const prefix = "milk";
const fee = { amount: [{ denom: "umilk", amount: "5000" }], gas: "400000" };
const registry = new Registry([...defaultRegistryTypes, [msgDelegatePoolTypeUrl, MsgDelegatePool]]);
const aminoTypes = new AminoTypes({ ...createDefaultAminoConverters(), ...restakingAminoConverters });

// first resolves with the first value of an xstream, or fails after ms.
function first(stream, ms = 60_000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no event within ${ms} ms`)), ms);
    const listener = {
      next: (v) => { clearTimeout(timer); stream.removeListener(listener); resolve(v); },
      error: (e) => { clearTimeout(timer); reject(e); },
      complete: () => {},
    };
    stream.addListener(listener);
  });
}

async function signer(kind, keyHex) {
  const key = fromHex(keyHex);
  const wallet = kind === "amino" ? await Secp256k1Wallet.fromKey(key, prefix) : await DirectSecp256k1Wallet.fromKey(key, prefix);
  const [account] = await wallet.getAccounts();
  const client = await SigningStargateClient.connectWithSigner(FULL_RPC, wallet, { registry, aminoTypes });
  return { client, address: account.address };
}

// broadcast signs and broadcasts through the full node, which forwards to
// the sequencer; CosmJS then polls the full node until the tx is in a block
// it read from the DA. The tx must be in the same block on the sequencer.
async function broadcast(s, msgs, memo) {
  const res = await s.client.signAndBroadcast(s.address, msgs, fee, memo);
  assert.equal(res.code, 0, res.rawLog);
  const seq = await StargateClient.connect(SEQ_RPC);
  const onSeq = await seq.getTx(res.transactionHash);
  assert.ok(onSeq, "the sequencer has the tx");
  assert.equal(onSeq.height, res.height);
  seq.disconnect();
  return res;
}

test("reads the chain through the full node", { timeout: 120_000 }, async () => {
  const client = await StargateClient.connect(FULL_RPC);
  assert.equal(await client.getChainId(), CHAIN_ID);
  const height = await client.getHeight();
  assert.ok(height > 0);
  const latest = await client.getBlock();
  assert.ok(latest.header.height >= height);
  assert.match(latest.id, /^[0-9A-F]{64}$/);
  const block = await client.getBlock(1);
  assert.equal(block.header.height, 1);
  assert.equal(block.header.chainId, CHAIN_ID);
  // comet.commit() is not called: /commit serves the block id the
  // sequencer signed, whose part-set header is empty (IBC light clients
  // verify that signature), and CosmJS refuses an empty one.
  const comet = await Comet38Client.connect(FULL_RPC);
  const chain = await comet.blockchain(1, 2);
  assert.ok(chain.blockMetas.length > 0);
  const results = await comet.blockResults();
  assert.ok(results.height > 0);
  const search = await comet.blockSearchAll({ query: "block.height >= 1" });
  assert.ok(search.totalCount > 0);
  comet.disconnect();
  client.disconnect();
});

test("Direct: a bank send through the full node, found by searchTx", { timeout: 120_000 }, async () => {
  const alice = await signer("direct", ALICE_KEY);
  const bob = await signer("direct", BOB_KEY);
  const before = await alice.client.getBalance(bob.address, "umilk");
  const res = await broadcast(alice, [{
    typeUrl: "/cosmos.bank.v1beta1.MsgSend",
    value: { fromAddress: alice.address, toAddress: bob.address, amount: [{ denom: "umilk", amount: "1234" }] },
  }], "cosmjs direct send");
  const after = await alice.client.getBalance(bob.address, "umilk");
  assert.equal(BigInt(after.amount) - BigInt(before.amount), 1234n);
  const found = await alice.client.searchTx(`message.sender='${alice.address}'`);
  assert.ok(found.some((t) => t.hash === res.transactionHash), "searchTx finds it");
  alice.client.disconnect();
  bob.client.disconnect();
});

test("Amino: a bank send and a pool delegation through the full node", { timeout: 120_000 }, async () => {
  const bob = await signer("amino", BOB_KEY);
  await broadcast(bob, [{
    typeUrl: "/cosmos.bank.v1beta1.MsgSend",
    value: { fromAddress: bob.address, toAddress: bob.address, amount: [{ denom: "umilk", amount: "1" }] },
  }], "cosmjs amino send");
  await broadcast(bob, [{
    typeUrl: msgDelegatePoolTypeUrl,
    value: { delegator: bob.address, amount: { denom: "umilktia", amount: "1000" } },
  }], "cosmjs amino delegate");
  bob.client.disconnect();
});

test("Direct: a pool delegation, and live subscriptions to new blocks and to the sender's txs", { timeout: 180_000 }, async () => {
  const alice = await signer("direct", ALICE_KEY);
  const ws = await Comet38Client.create(new WebsocketClient(FULL_RPC.replace(/^http/, "ws")));
  const header = await first(ws.subscribeNewBlockHeader());
  assert.ok(header.height > 0);
  const block = await first(ws.subscribeNewBlock());
  assert.ok(block.header.height > 0);
  const txs = ws.subscribeTx(`tm.event='Tx' AND message.sender='${alice.address}'`);
  const event = first(txs, 120_000);
  const res = await broadcast(alice, [{
    typeUrl: msgDelegatePoolTypeUrl,
    value: { delegator: alice.address, amount: { denom: "umilktia", amount: "2000" } },
  }], "cosmjs direct delegate");
  const tx = await event;
  assert.equal(tx.height, res.height);
  assert.equal(tx.result.code, 0);
  ws.disconnect();
  alice.client.disconnect();
});
