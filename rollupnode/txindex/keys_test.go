package txindex

import (
	"bytes"
	"encoding/binary"
	"testing"

	"github.com/stretchr/testify/require"
)

// A value may hold anything, the separators of other layouts included; a
// tag's postings never take in another tag that starts the same way.
func TestPostingKeysRoundTripAnyValue(t *testing.T) {
	for _, value := range []string{"", "/", "a/../b", "ibc/27394FB0", "\x00\xff", `[{"denom":"umilk"}]`} {
		key := postingKey("transfer.denom", value, 1<<40, 7, 9)
		got, height, group, err := splitPosting(key)
		require.NoError(t, err)
		require.Equal(t, value, got)
		require.EqualValues(t, 1<<40, height)
		require.Equal(t, groupKey(1<<40, 7, 9), group)
		require.True(t, bytes.HasPrefix(key, valuePrefix("transfer.denom", value)))
		require.True(t, bytes.HasPrefix(key, tagPrefix("transfer.denom")))
		require.False(t, bytes.HasPrefix(key, tagPrefix("transfer.deno")))
	}
	for _, bad := range [][]byte{
		{postingPrefix, 200},
		// a value length near 2^64: no overflow into a slice panic
		append([]byte{postingPrefix, 0}, binary.AppendUvarint(nil, 1<<64-16)...),
		postingKey("a.b", "v", 1, 0, 0)[:10],
	} {
		_, _, _, err := splitPosting(bad)
		require.ErrorIs(t, err, errBadKey, "%x", bad)
	}
}

// Heights order as numbers do, so one block range is one key range.
func TestGroupKeysSortByHeight(t *testing.T) {
	require.Negative(t, bytes.Compare(groupKey(9, 300, 400), groupKey(10, 0, 0)))
	require.Negative(t, bytes.Compare(postingKey("a.b", "v", 255, 0, 9), postingKey("a.b", "v", 256, 0, 0)))
}
