package rollupnode

import (
	"testing"

	cmtcfg "github.com/cometbft/cometbft/config"
	"github.com/stretchr/testify/require"
)

func TestTxIndexingFollowsConfigToml(t *testing.T) {
	for indexer, want := range map[string]bool{"kv": true, "": true, "null": false} {
		on, err := TxIndexing(&cmtcfg.TxIndexConfig{Indexer: indexer})
		require.NoError(t, err, indexer)
		require.Equal(t, want, on, indexer)
	}
	on, err := TxIndexing(cmtcfg.DefaultTxIndexConfig())
	require.NoError(t, err)
	require.True(t, on, "CometBFT's default config indexes")
}

// CometBFT's psql sink (and anything else) is refused with the two
// settings that work, not silently indexed with kv.
func TestTxIndexingRefusesWhatThisNodeCannotDo(t *testing.T) {
	for _, indexer := range []string{"psql", "KV", "none"} {
		_, err := TxIndexing(&cmtcfg.TxIndexConfig{Indexer: indexer})
		require.ErrorContains(t, err, `indexer = "`+indexer+`" is not supported`)
		require.ErrorContains(t, err, `"kv"`)
		require.ErrorContains(t, err, `"null"`)
	}
}
