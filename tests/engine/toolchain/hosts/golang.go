package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"golang.org/x/mod/modfile"
)

// goHost builds a Go program with `go build` and runs it with the run's settings in its environment (the Go SDK
// reads them there), and generates and links Go SDKs with pkg/v3's generator for `pulumi package add`.
type goHost struct{ host }

func (h *goHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	out, err := os.CreateTemp("", "pulumi-go-program-*")
	if err != nil {
		return nil, err
	}
	out.Close()
	defer os.Remove(out.Name())
	build := exec.CommandContext(ctx, "go", "build", "-o", out.Name(), ".")
	build.Dir = req.Info.ProgramDirectory
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("`go build` of %s failed: %v", req.Info.ProgramDirectory, err)}, nil
	}

	config, secretKeys, err := configJSON(req)
	if err != nil {
		return nil, err
	}
	env := os.Environ()
	for k, v := range map[string]string{
		pulumi.EnvOrganization: req.Organization, pulumi.EnvProject: req.Project, pulumi.EnvStack: req.Stack,
		pulumi.EnvPulumiRootDirectory: req.Info.RootDirectory, pulumi.EnvConfig: config,
		pulumi.EnvConfigSecretKeys: secretKeys, pulumi.EnvDryRun: strconv.FormatBool(req.DryRun),
		pulumi.EnvParallel: strconv.Itoa(int(req.Parallel)), pulumi.EnvMonitor: req.MonitorAddress,
		pulumi.EnvEngine: h.engineAddress,
	} {
		if v != "" {
			env = append(env, k+"="+v)
		}
	}
	cmd := exec.CommandContext(ctx, out.Name())
	cmd.Dir, cmd.Env = req.Pwd, env
	return runProgram(cmd), nil
}

func (h *goHost) InstallDependencies(
	req *pulumirpc.InstallDependenciesRequest, server pulumirpc.LanguageRuntime_InstallDependenciesServer,
) error {
	return installWith(req, server, func(stdout, stderr io.Writer) *exec.Cmd {
		fmt.Fprintln(stdout, "Installing dependencies with `go mod tidy` ...")
		return exec.Command("go", "mod", "tidy")
	})
}

func (h *goHost) GeneratePackage(ctx context.Context, req *pulumirpc.GeneratePackageRequest) (*pulumirpc.GeneratePackageResponse, error) {
	return generatePackage(req, func(pkg *schema.Package, _ schema.ReferenceLoader) (map[string][]byte, error) {
		return gogen.GeneratePackage("pulumi-language-go", pkg, req.LocalDependencies)
	})
}

// Link points the program's go.mod at each generated SDK with a `replace` line, under the module path the
// schema's `language.go` options give, and says how to import it, as the real host does.
func (h *goHost) Link(ctx context.Context, req *pulumirpc.LinkRequest) (*pulumirpc.LinkResponse, error) {
	modules := map[string]string{}
	var imports strings.Builder
	err := eachLinkedPackage(ctx, req, "go", gogen.Importer, func(pkg *schema.Package, dir string) {
		modulePath := ""
		if info, ok := pkg.Language["go"].(gogen.GoPackageInfo); ok {
			modulePath = info.ModulePath
			if modulePath == "" && info.ImportBasePath != "" {
				modulePath = path.Dir(info.ImportBasePath)
			}
		}
		if modulePath == "" {
			modulePath = gogen.ExtractModulePath(pkg.Reference())
		}
		if !strings.HasPrefix(dir, "./") {
			dir = "./" + dir
		}
		modules[modulePath] = dir
		fmt.Fprintf(&imports, "    %q\n", gogen.ExtractImportBasePath(pkg.Reference()))
	})
	if err != nil {
		return nil, err
	}
	goMod := filepath.Join(req.Info.ProgramDirectory, "go.mod")
	data, err := os.ReadFile(goMod)
	if err != nil {
		return nil, err
	}
	file, err := modfile.Parse(goMod, data, nil)
	if err != nil {
		return nil, err
	}
	for module, dir := range modules {
		if err := file.AddReplace(module, "", dir, ""); err != nil {
			return nil, err
		}
	}
	if data, err = file.Format(); err != nil {
		return nil, err
	}
	if err := os.WriteFile(goMod, data, 0o644); err != nil {
		return nil, err
	}
	return &pulumirpc.LinkResponse{
		ImportInstructions: "You can import the SDK in your Go code with:\n\n  import (\n" + imports.String() + "  )\n",
	}, nil
}
