// Protobuf and Amino codecs for the chain's own Msgs used by the check,
// written from proto/milkyway/restaking/v1/tx.proto (a dApp would generate
// them with telescope or ts-proto; two fields do not need a generator).
import { BinaryReader, BinaryWriter } from "cosmjs-types/binary";
import { Coin } from "cosmjs-types/cosmos/base/v1beta1/coin";

export const msgDelegatePoolTypeUrl = "/milkyway.restaking.v1.MsgDelegatePool";

// MsgDelegatePool { string delegator = 1; Coin amount = 2; }
export const MsgDelegatePool = {
  encode(msg, writer = BinaryWriter.create()) {
    if (msg.delegator) writer.uint32(10).string(msg.delegator);
    if (msg.amount) Coin.encode(msg.amount, writer.uint32(18).fork()).ldelim();
    return writer;
  },
  decode(input, length) {
    const reader = input instanceof BinaryReader ? input : new BinaryReader(input);
    const end = length === undefined ? reader.len : reader.pos + length;
    const msg = { delegator: "", amount: undefined };
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1: msg.delegator = reader.string(); break;
        case 2: msg.amount = Coin.decode(reader, reader.uint32()); break;
        default: reader.skipType(tag & 7);
      }
    }
    return msg;
  },
  fromPartial(obj) {
    return { delegator: obj.delegator ?? "", amount: obj.amount ? Coin.fromPartial(obj.amount) : undefined };
  },
};

// The amino name is the proto's (amino.name) option; the SDK's amino-JSON
// signer uses the proto field names.
export const restakingAminoConverters = {
  [msgDelegatePoolTypeUrl]: {
    aminoType: "milkyway/restaking/MsgDelegatePool",
    toAmino: ({ delegator, amount }) => ({ delegator, amount }),
    fromAmino: ({ delegator, amount }) => ({ delegator, amount }),
  },
};
