package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/blang/semver"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// generatePackage binds the schema the engine sends and writes what the language's generator makes of it.
func generatePackage(req *pulumirpc.GeneratePackageRequest,
	generate func(*schema.Package, schema.ReferenceLoader) (map[string][]byte, error),
) (*pulumirpc.GeneratePackageResponse, error) {
	loader, err := schema.NewLoaderClient(req.LoaderTarget)
	if err != nil {
		return nil, err
	}
	defer loader.Close()
	var spec schema.PackageSpec
	if err := json.Unmarshal([]byte(req.Schema), &spec); err != nil {
		return nil, err
	}
	cached := schema.NewCachedLoader(loader)
	pkg, diags, err := schema.BindSpec(spec, cached, schema.ValidationOptions{AllowDanglingReferences: true})
	if err != nil {
		return nil, err
	}
	response := &pulumirpc.GeneratePackageResponse{Diagnostics: plugin.HclDiagnosticsToRPCDiagnostics(diags)}
	if diags.HasErrors() {
		return response, nil
	}
	files, err := generate(pkg, cached)
	if err != nil {
		return nil, err
	}
	for name, data := range files {
		out := filepath.Join(req.Directory, name)
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(out, data, 0o644); err != nil {
			return nil, err
		}
	}
	return response, nil
}

// eachLinkedPackage loads every package `pulumi package add` links, with its language options decoded.
func eachLinkedPackage(ctx context.Context, req *pulumirpc.LinkRequest, language string, importer schema.Language,
	each func(pkg *schema.Package, path string),
) error {
	loader, err := schema.NewLoaderClient(req.LoaderTarget)
	if err != nil {
		return err
	}
	defer loader.Close()
	cached := schema.NewCachedLoader(loader)
	for _, dep := range req.Packages {
		descriptor := &schema.PackageDescriptor{Name: dep.Package.Name, DownloadURL: dep.Package.Server}
		if v, err := semver.New(dep.Package.Version); err == nil {
			descriptor.Version = v
		}
		ref, err := schema.LoadPackageReferenceV2(ctx, cached, descriptor)
		if err != nil {
			return fmt.Errorf("loading the schema of %s: %w", dep.Package.Name, err)
		}
		pkg, err := ref.Definition()
		if err != nil {
			return err
		}
		if err := pkg.ImportLanguages(map[string]schema.Language{language: importer}); err != nil {
			return err
		}
		each(pkg, dep.Path)
	}
	return nil
}
