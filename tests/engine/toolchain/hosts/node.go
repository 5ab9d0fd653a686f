package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"

	sdk "github.com/pulumi/pulumi/sdk/v3"
	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// nodeHost runs Node.js programs, component providers and policy packs through the entry points that
// @pulumi/pulumi ships for its host: cmd/run, cmd/run-plugin and cmd/run-policy-pack.
type nodeHost struct{ host }

// resolveModule finds an @pulumi/pulumi entry point from the program's directory, as Node would.
func resolveModule(module, dir string) (string, error) {
	script := fmt.Sprintf(`process.stdout.write(require.resolve(%q))`, module)
	cmd := exec.Command("node", "-e", script)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("%s cannot be found from %s (has `npm install` run there?): %w", module, dir, err)
	}
	return string(out), nil
}

// typescriptEnv: the SDK compiles TypeScript itself unless the project's `typescript` option is false.
func typescriptEnv(options map[string]any) []string {
	var env []string
	if ts, ok := options["typescript"].(bool); !ok || ts {
		env = append(env, "PULUMI_NODEJS_TYPESCRIPT=true")
	}
	if tsconfig, ok := options["tsconfig"].(string); ok && tsconfig != "" {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+tsconfig)
	}
	return env
}

func (h *nodeHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	run, err := resolveModule("@pulumi/pulumi/cmd/run", req.Info.ProgramDirectory)
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	config, secretKeys, err := configJSON(req)
	if err != nil {
		return nil, err
	}
	args := appendArgs([]string{run},
		"monitor", req.MonitorAddress, "engine", h.engineAddress, "organization", req.Organization,
		"project", req.Project, "root-directory", req.Info.RootDirectory, "stack", req.Stack,
		"pwd", req.Info.ProgramDirectory)
	if req.DryRun {
		args = append(args, "--dry-run")
	}
	args = appendArgs(args, "parallel", strconv.Itoa(int(req.Parallel)))
	args = append(append(args, req.Info.EntryPoint), req.Args...)

	cmd := exec.CommandContext(ctx, "node", args...)
	cmd.Dir = req.Pwd
	cmd.Env = append(os.Environ(), "PULUMI_CONFIG="+config, "PULUMI_CONFIG_SECRET_KEYS="+secretKeys)
	cmd.Env = append(cmd.Env, typescriptEnv(req.Info.Options.AsMap())...)
	return runProgram(cmd), nil
}

// RunPlugin starts a component provider (run-plugin) or a policy pack (run-policy-pack, behind sdk/v3's policy
// proxy, which hands the pack its stack's configuration as the real host does).
func (h *nodeHost) RunPlugin(req *pulumirpc.RunPluginRequest, server pulumirpc.LanguageRuntime_RunPluginServer) error {
	ctx := server.Context()
	closer, stdout, stderr, err := rpcutil.MakeRunPluginStreams(server, false)
	if err != nil {
		return err
	}
	defer closer.Close()

	analyzer := req.Kind == string(apitype.AnalyzerPlugin)
	entry := "@pulumi/pulumi/cmd/run-plugin"
	if analyzer {
		entry = "@pulumi/pulumi/cmd/run-policy-pack"
	}
	run, err := resolveModule(entry, req.Info.ProgramDirectory)
	if err != nil {
		return err
	}
	env := append(req.Env, typescriptEnv(req.Info.Options.AsMap())...)
	args := []string{run, req.Info.ProgramDirectory}
	dir := req.Pwd
	var proxy *sdk.PolicyProxy
	if analyzer {
		// A policy pack takes its directory last and runs in it.
		args = append(append([]string{run}, req.Args...), req.Info.ProgramDirectory)
		dir = req.Info.ProgramDirectory
		if proxy, stdout, err = sdk.NewPolicyProxy(ctx, stdout); err != nil {
			return err
		}
		stack, err := proxy.AwaitConfiguration(ctx)
		if err != nil {
			return err
		}
		if stack != nil {
			if stack.Config == nil {
				stack.Config = map[string]string{}
			}
			config, err := json.Marshal(stack.Config)
			if err != nil {
				return err
			}
			env = append(env,
				"PULUMI_NODEJS_PROJECT="+stack.Project, "PULUMI_NODEJS_STACK="+stack.Stack,
				"PULUMI_NODEJS_ORGANIZATION="+stack.Organization,
				"PULUMI_NODEJS_DRY_RUN="+strconv.FormatBool(stack.DryRun), "PULUMI_CONFIG="+string(config))
		}
	} else {
		args = append(args, req.Args...)
	}

	cmd := exec.CommandContext(ctx, "node", args...)
	cmd.Dir, cmd.Env, cmd.Stdout, cmd.Stderr = dir, env, stdout, stderr
	if err := cmd.Start(); err != nil {
		return err
	}
	if proxy != nil {
		if err := proxy.Attach(ctx, cmd); err != nil {
			return err
		}
	} else if err := cmd.Wait(); err != nil {
		return fmt.Errorf("plugin exited: %w", err)
	}
	return closer.Close()
}

// InstallDependencies runs `npm install`: for a program (`pulumi install`) and for a plugin such as the component
// provider, whose `prepare` script builds it.
func (h *nodeHost) InstallDependencies(
	req *pulumirpc.InstallDependenciesRequest, server pulumirpc.LanguageRuntime_InstallDependenciesServer,
) error {
	return installWith(req, server, func(stdout, stderr io.Writer) *exec.Cmd {
		fmt.Fprintln(stdout, "Installing dependencies with npm ...")
		return exec.Command("npm", "install", "--no-audit", "--no-fund")
	})
}
