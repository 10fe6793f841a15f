package app

import (
	"fmt"
	"strings"

	"github.com/cosmos/gogoproto/proto"
	"google.golang.org/protobuf/reflect/protodesc"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/reflect/protoregistry"
	"google.golang.org/protobuf/types/descriptorpb"
)

// chainProtoPrefix is the proto path prefix of this chain's own files.
const chainProtoPrefix = "milkyway/"

// protoFiles resolves proto descriptors for the interface registry and
// autocli. It rebuilds this chain's files and falls back to gogoproto's
// hybrid resolver for everything else.
//
// Why: gogoproto builds each file's descriptor when its Go init runs, in Go
// file order, and resolves imports that are not registered yet as empty
// placeholders. query.pb.go initialises before sequencer.pb.go, so its
// Sequencer field would have no fields and autocli would print it as {}.
// Rebuilding our files after all inits, in import order, resolves them.
type protoFiles struct {
	ours *protoregistry.Files
}

var _ interface {
	protodesc.Resolver
	RangeFiles(func(protoreflect.FileDescriptor) bool)
} = protoFiles{}

func newProtoFiles() (protoFiles, error) {
	pending := map[string]*descriptorpb.FileDescriptorProto{}
	proto.HybridResolver.RangeFiles(func(fd protoreflect.FileDescriptor) bool {
		if strings.HasPrefix(fd.Path(), chainProtoPrefix) {
			pending[fd.Path()] = protodesc.ToFileDescriptorProto(fd)
		}
		return true
	})
	pf := protoFiles{ours: new(protoregistry.Files)}
	for len(pending) > 0 {
		progress := false
		for path, fdp := range pending {
			if !pf.importsReady(fdp) {
				continue
			}
			fd, err := protodesc.NewFile(fdp, pf)
			if err != nil {
				return pf, fmt.Errorf("rebuilding %s: %w", path, err)
			}
			if err := pf.ours.RegisterFile(fd); err != nil {
				return pf, err
			}
			delete(pending, path)
			progress = true
		}
		if !progress {
			return pf, fmt.Errorf("import cycle among chain proto files: %d left", len(pending))
		}
	}
	return pf, nil
}

// importsReady reports whether every chain-owned import is rebuilt.
func (pf protoFiles) importsReady(fdp *descriptorpb.FileDescriptorProto) bool {
	for _, dep := range fdp.GetDependency() {
		if strings.HasPrefix(dep, chainProtoPrefix) {
			if _, err := pf.ours.FindFileByPath(dep); err != nil {
				return false
			}
		}
	}
	return true
}

// FindFileByPath looks in the rebuilt files first.
func (pf protoFiles) FindFileByPath(path string) (protoreflect.FileDescriptor, error) {
	if fd, err := pf.ours.FindFileByPath(path); err == nil {
		return fd, nil
	}
	return proto.HybridResolver.FindFileByPath(path)
}

// FindDescriptorByName looks in the rebuilt files first.
func (pf protoFiles) FindDescriptorByName(name protoreflect.FullName) (protoreflect.Descriptor, error) {
	if d, err := pf.ours.FindDescriptorByName(name); err == nil {
		return d, nil
	}
	return proto.HybridResolver.FindDescriptorByName(name)
}

// RangeFiles visits the rebuilt files, then every other known file.
func (pf protoFiles) RangeFiles(f func(protoreflect.FileDescriptor) bool) {
	cont := true
	pf.ours.RangeFiles(func(fd protoreflect.FileDescriptor) bool {
		cont = f(fd)
		return cont
	})
	if !cont {
		return
	}
	proto.HybridResolver.RangeFiles(func(fd protoreflect.FileDescriptor) bool {
		if strings.HasPrefix(fd.Path(), chainProtoPrefix) {
			return true
		}
		return f(fd)
	})
}
