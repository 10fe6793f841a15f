package da_test

import (
	"strings"
	"testing"

	"github.com/celestiaorg/go-square/v2/share"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/da"
)

func TestParseNamespace(t *testing.T) {
	full := "00" + strings.Repeat("00", 19) + "6d696c6b7977617931" // v0, id "milkyway1"
	mustV0 := func(id []byte) share.Namespace { return share.MustNewV0Namespace(id) }

	tests := []struct {
		name    string
		in      string
		want    share.Namespace
		wantErr string
	}{
		{name: "full form", in: full, want: mustV0([]byte("milkyway1"))},
		{name: "full form with 0x and spaces", in: " 0x" + full + "\n", want: mustV0([]byte("milkyway1"))},
		{name: "full form upper case", in: strings.ToUpper(full), want: mustV0([]byte("milkyway1"))},
		{name: "short form 10 bytes", in: "6d696c6b79776179726f", want: mustV0([]byte("milkywayro"))},
		{name: "short form 2 bytes", in: "01aa", want: mustV0([]byte{0x01, 0xaa})},
		{name: "short form within primary reserved range", in: "aa", wantErr: "reserved"},
		{name: "empty", in: "", wantErr: "namespace must be 58 hex characters (29 bytes, version 0) or up to 20 hex characters for a v0 id; got"},
		{name: "between short and full", in: strings.Repeat("ab", 11), wantErr: "or up to 20 hex characters for a v0 id; got"},
		{name: "too long", in: full + "00", wantErr: "namespace must be 58 hex characters"},
		{name: "not hex", in: "zz", wantErr: "invalid byte"},
		{name: "odd length", in: "abc", wantErr: "odd length"},
		{name: "version 1", in: "01" + full[2:], wantErr: "only version 0 is supported"},
		{name: "v0 without zero prefix", in: "00ff" + full[4:], wantErr: "leading zeros"},
		{name: "reserved tx namespace", in: share.TxNamespace.String(), wantErr: "reserved"},
		{name: "reserved short all zero", in: "00", wantErr: "reserved"},
		{name: "reserved parity namespace", in: share.ParitySharesNamespace.String(), wantErr: "version 255"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := da.ParseNamespace(tc.in)
			if tc.wantErr != "" {
				require.ErrorIs(t, err, da.ErrInvalidNamespace)
				require.ErrorContains(t, err, tc.wantErr)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.want.Bytes(), got.Bytes())
			require.Equal(t, tc.want.String(), da.NamespaceHex(got))
		})
	}
}

func TestNamespaceHexRoundTrip(t *testing.T) {
	ns, err := da.ParseNamespace("6d696c6b79776179")
	require.NoError(t, err)
	hexNs := da.NamespaceHex(ns)
	require.Len(t, hexNs, 58)
	again, err := da.ParseNamespace(hexNs)
	require.NoError(t, err)
	require.Equal(t, ns.Bytes(), again.Bytes())
}

func TestNamespaceFromBytes(t *testing.T) {
	ns := share.MustNewV0Namespace([]byte("xy"))
	raw := ns.Bytes()
	got, err := da.NamespaceFromBytes(raw)
	require.NoError(t, err)
	raw[len(raw)-1] = 'z' // the result must not alias the input
	require.Equal(t, byte('y'), got.Bytes()[len(raw)-1])

	_, err = da.NamespaceFromBytes([]byte("test"))
	require.ErrorIs(t, err, da.ErrInvalidNamespace)
	require.ErrorContains(t, err, "expected 29 bytes (version 0 Celestia namespace), got 4 bytes")
}
