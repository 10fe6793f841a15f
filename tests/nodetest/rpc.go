package nodetest

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// GetJSON GETs url and decodes the JSON answer into out.
func GetJSON(url string, out any) error {
	client := http.Client{Timeout: 3 * time.Second}
	resp, err := client.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(out)
}

// ABCIInfo is the app's own view of its last commit.
type ABCIInfo struct {
	Height  int64
	AppHash string
}

// QueryABCIInfo reads abci_info from a node's RPC (host:port).
func QueryABCIInfo(rpc string) (ABCIInfo, error) {
	var out struct {
		Result struct {
			Response struct {
				Height  string `json:"last_block_height"`
				AppHash string `json:"last_block_app_hash"`
			} `json:"response"`
		} `json:"result"`
	}
	if err := GetJSON("http://"+rpc+"/abci_info", &out); err != nil {
		return ABCIInfo{}, err
	}
	h, _ := strconv.ParseInt(out.Result.Response.Height, 10, 64)
	return ABCIInfo{Height: h, AppHash: out.Result.Response.AppHash}, nil
}

// Height is the app's last committed height, or -1 if the node does not
// answer.
func Height(rpc string) int64 {
	info, err := QueryABCIInfo(rpc)
	if err != nil {
		return -1
	}
	return info.Height
}

// BlockHash returns the hash of the block at height from a node's RPC.
func BlockHash(rpc string, height int64) (string, error) {
	var out struct {
		Result struct {
			BlockID struct {
				Hash string `json:"hash"`
			} `json:"block_id"`
		} `json:"result"`
	}
	if err := GetJSON(fmt.Sprintf("http://%s/block?height=%d", rpc, height), &out); err != nil {
		return "", err
	}
	if out.Result.BlockID.Hash == "" {
		return "", fmt.Errorf("no block %d", height)
	}
	return out.Result.BlockID.Hash, nil
}

// BlockTxHashes returns the hashes (upper-case hex SHA-256, as CometBFT
// prints them) of the transactions in the block at height: what the block
// holds, independent of the node's tx index.
func BlockTxHashes(rpc string, height int64) ([]string, error) {
	var out struct {
		Result struct {
			Block struct {
				Data struct {
					Txs [][]byte `json:"txs"`
				} `json:"data"`
			} `json:"block"`
		} `json:"result"`
	}
	if err := GetJSON(fmt.Sprintf("http://%s/block?height=%d", rpc, height), &out); err != nil {
		return nil, err
	}
	hashes := make([]string, 0, len(out.Result.Block.Data.Txs))
	for _, tx := range out.Result.Block.Data.Txs {
		sum := sha256.Sum256(tx)
		hashes = append(hashes, strings.ToUpper(hex.EncodeToString(sum[:])))
	}
	return hashes, nil
}
