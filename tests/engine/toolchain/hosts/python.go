package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"github.com/pulumi/pulumi/sdk/v3/python/toolchain"
)

// pythonHost runs Python programs with the SDK's own entry script (pulumi-language-python-exec, shipped in sdk/v3
// and installed beside this binary) in the virtual environment sdk/v3's toolchain manages, and generates and links
// Python SDKs with pkg/v3's generator for `pulumi package add`. pip only: the project's `toolchain` option
// must be pip (or absent).
type pythonHost struct{ host }

func pythonOptions(info *pulumirpc.ProgramInfo) (toolchain.PythonOptions, error) {
	options := info.Options.AsMap()
	opts := toolchain.PythonOptions{Root: info.RootDirectory, ProgramDir: info.ProgramDirectory, Toolchain: toolchain.Pip}
	if v, ok := options["virtualenv"].(string); ok {
		opts.Virtualenv = v
	}
	if tc, ok := options["toolchain"].(string); ok && tc != "pip" {
		return opts, fmt.Errorf("this stand-in host supports the pip toolchain only, got %q", tc)
	}
	return opts, nil
}

func (h *pythonHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	opts, err := pythonOptions(req.Info)
	if err != nil {
		return nil, err
	}
	tc, err := toolchain.ResolveToolchain(opts)
	if err != nil {
		return nil, err
	}
	if err := tc.ValidateVenv(ctx); err != nil {
		return nil, err
	}
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	config, secretKeys, err := configJSON(req)
	if err != nil {
		return nil, err
	}
	args := appendArgs([]string{filepath.Join(filepath.Dir(self), "pulumi-language-python-exec")},
		"monitor", req.MonitorAddress, "engine", h.engineAddress, "project", req.Project,
		"root_directory", req.Info.RootDirectory, "stack", req.Stack, "pwd", req.Pwd,
		"dry_run", strconv.FormatBool(req.DryRun), "parallel", strconv.Itoa(int(req.Parallel)),
		"organization", req.Organization)
	args = append(append(args, req.Info.EntryPoint), req.Args...)
	cmd, err := tc.Command(ctx, args...)
	if err != nil {
		return nil, err
	}
	if cmd.Env == nil {
		cmd.Env = os.Environ()
	}
	cmd.Env = append(cmd.Env, "PULUMI_CONFIG="+config, "PULUMI_CONFIG_SECRET_KEYS="+secretKeys)
	return runProgram(cmd), nil
}

// InstallDependencies creates the virtual environment and installs requirements.txt (sdk/v3's toolchain).
func (h *pythonHost) InstallDependencies(
	req *pulumirpc.InstallDependenciesRequest, server pulumirpc.LanguageRuntime_InstallDependenciesServer,
) error {
	opts, err := pythonOptions(req.Info)
	if err != nil {
		return err
	}
	tc, err := toolchain.ResolveToolchain(opts)
	if err != nil {
		return err
	}
	closer, stdout, stderr, err := rpcutil.MakeInstallDependenciesStreams(server, req.IsTerminal)
	if err != nil {
		return err
	}
	defer closer.Close()
	if err := tc.InstallDependencies(server.Context(), req.Info.ProgramDirectory, false, true, stdout, stderr); err != nil {
		return err
	}
	return closer.Close()
}

func (h *pythonHost) GeneratePackage(
	ctx context.Context, req *pulumirpc.GeneratePackageRequest,
) (*pulumirpc.GeneratePackageResponse, error) {
	return generatePackage(req, func(pkg *schema.Package, loader schema.ReferenceLoader) (map[string][]byte, error) {
		return python.GeneratePackage("pulumi-language-python", pkg, req.ExtraFiles, loader)
	})
}

// Link adds each generated SDK to requirements.txt (sdk/v3's toolchain) and says how to import it, under the
// name the schema's `language.python.packageName` gives, as the real host does.
func (h *pythonHost) Link(ctx context.Context, req *pulumirpc.LinkRequest) (*pulumirpc.LinkResponse, error) {
	opts, err := pythonOptions(req.Info)
	if err != nil {
		return nil, err
	}
	packages := map[string]string{}
	var imports strings.Builder
	err = eachLinkedPackage(ctx, req, "python", python.Importer, func(pkg *schema.Package, path string) {
		importName := strings.ReplaceAll(pkg.Name, "-", "_")
		packageName := python.PyPack(pkg.Namespace, pkg.Name)
		if info, ok := pkg.Language["python"].(python.PackageInfo); ok && info.PackageName != "" {
			importName, packageName = info.PackageName, info.PackageName
		}
		packages[packageName] = path
		fmt.Fprintf(&imports, "  import %s as %s\n", packageName, importName)
	})
	if err != nil {
		return nil, err
	}
	tc, err := toolchain.ResolveToolchain(opts)
	if err != nil {
		return nil, err
	}
	if err := tc.LinkPackages(ctx, packages); err != nil {
		return nil, fmt.Errorf("linking packages: %w", err)
	}
	return &pulumirpc.LinkResponse{ImportInstructions: "You can import the SDK in your Python code with:\n\n" + imports.String()}, nil
}
