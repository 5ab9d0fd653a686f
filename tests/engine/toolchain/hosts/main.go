// Stand-in language hosts for the real-engine tests: pulumi-language-nodejs, -python and -go.
//
// Pulumi's own hosts are Go modules of their own (github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3,
// ...) that the Go module proxy reachable from the machines this project is built on refuses (403 for every
// version), while the CLI (pkg/v3) and the SDK (sdk/v3) are served. So these hosts are ours: small, and built on
// the same library code the real ones call: the Node.js and Python SDKs' own entry points
// (@pulumi/pulumi/cmd/run, cmd/run-plugin, cmd/run-policy-pack; pulumi-language-python-exec), sdk/v3's Python
// toolchain and policy proxy, and pkg/v3's code generators for `pulumi package add`. What they leave out is
// listed in CONTRIBUTING.md. The binary serves the language its file name says.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/cmdutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/version"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/emptypb"
)

// The exit code with which the SDKs say they already reported the error to the engine.
const exitBail = 32

// host is what every language shares; each language embeds it and adds Run and what it needs.
type host struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
	engineAddress string
}

func (h *host) Handshake(ctx context.Context, req *pulumirpc.LanguageHandshakeRequest) (*pulumirpc.LanguageHandshakeResponse, error) {
	h.engineAddress = req.EngineAddress
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

func (h *host) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version.Version}, nil
}

// Plugins are found on PATH (the stand-in AWS plugin) or named by the program's project file, so none are announced.
func (h *host) GetRequiredPlugins(context.Context, *pulumirpc.GetRequiredPluginsRequest) (*pulumirpc.GetRequiredPluginsResponse, error) {
	return &pulumirpc.GetRequiredPluginsResponse{}, nil
}

func (h *host) GetRequiredPackages(context.Context, *pulumirpc.GetRequiredPackagesRequest) (*pulumirpc.GetRequiredPackagesResponse, error) {
	return &pulumirpc.GetRequiredPackagesResponse{}, nil
}

func (h *host) GetProgramDependencies(
	context.Context, *pulumirpc.GetProgramDependenciesRequest,
) (*pulumirpc.GetProgramDependenciesResponse, error) {
	return &pulumirpc.GetProgramDependenciesResponse{}, nil
}

func (h *host) About(context.Context, *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	return &pulumirpc.AboutResponse{Executable: os.Args[0], Version: version.Version}, nil
}

func (h *host) RuntimeOptionsPrompts(context.Context, *pulumirpc.RuntimeOptionsRequest) (*pulumirpc.RuntimeOptionsResponse, error) {
	return &pulumirpc.RuntimeOptionsResponse{}, nil
}

func (h *host) Cancel(context.Context, *emptypb.Empty) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, nil
}

// installWith runs one command in the program's directory, its output streamed to the engine.
func installWith(req *pulumirpc.InstallDependenciesRequest, server pulumirpc.LanguageRuntime_InstallDependenciesServer,
	command func(stdout, stderr io.Writer) *exec.Cmd,
) error {
	closer, stdout, stderr, err := rpcutil.MakeInstallDependenciesStreams(server, req.IsTerminal)
	if err != nil {
		return err
	}
	defer closer.Close()
	cmd := command(stdout, stderr)
	if cmd.Dir == "" {
		cmd.Dir = req.Info.ProgramDirectory
	}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("installing dependencies with `%s`: %w", strings.Join(cmd.Args, " "), err)
	}
	return closer.Close()
}

// runProgram runs a program to its end and answers as the real hosts do: bail when the SDK already reported the
// error, the exit code otherwise.
func runProgram(cmd *exec.Cmd) *pulumirpc.RunResponse {
	// A run the engine ends early (it closes its connection when a deployment aborts) interrupts the program, which
	// may still report how it stopped, and kills it 5 s later, as Pulumi's hosts do; not SIGKILL at once, which would
	// silence what users of the real hosts see.
	cmd.Cancel = func() error {
		if err := cmd.Process.Signal(os.Interrupt); err != nil {
			return cmd.Process.Kill()
		}
		return nil
	}
	cmd.WaitDelay = 5 * time.Second
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return &pulumirpc.RunResponse{}
	case errors.As(err, &exit):
		if status, ok := exit.Sys().(syscall.WaitStatus); ok && status.ExitStatus() == exitBail {
			return &pulumirpc.RunResponse{Bail: true}
		}
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("program exited with non-zero exit code: %d", exit.ExitCode())}
	default:
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("could not run the program: %v", err)}
	}
}

// configJSON is the run's configuration and the names of its secret keys, as the SDKs read them from
// PULUMI_CONFIG and PULUMI_CONFIG_SECRET_KEYS. A stack with no configuration sends none: Pulumi's hosts then set no
// PULUMI_CONFIG (constructConfig returns "" for a nil map, and "[]" for nil secret keys; pulumi-language-python
// main.go, v3.276.0), which every SDK reads as {}; "null" crashed the Python SDK ('NoneType' object has no attribute
// 'items') and the Node.js one. "{}" is what the SDKs make of the absent variable.
func configJSON(req *pulumirpc.RunRequest) (config, secretKeys string, err error) {
	if req.Config == nil {
		req.Config = map[string]string{}
	}
	if req.ConfigSecretKeys == nil {
		req.ConfigSecretKeys = []string{}
	}
	c, err := json.Marshal(req.Config)
	if err != nil {
		return "", "", err
	}
	k, err := json.Marshal(req.ConfigSecretKeys)
	return string(c), string(k), err
}

// appendArgs adds `--name value` for each value given, as the real hosts build the SDKs' command lines.
func appendArgs(args []string, pairs ...string) []string {
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i+1] != "" {
			args = append(args, "--"+pairs[i], pairs[i+1])
		}
	}
	return args
}

func main() {
	language := strings.TrimPrefix(filepath.Base(os.Args[0]), "pulumi-language-")
	var server pulumirpc.LanguageRuntimeServer
	switch language {
	case "nodejs":
		server = &nodeHost{}
	case "python":
		server = &pythonHost{}
	case "go":
		server = &goHost{}
	default:
		cmdutil.Exit(fmt.Errorf("this stand-in serves nodejs, python and go, not %q (from its file name)", language))
	}
	// The engine passes its address as the first argument (older engines) or in Handshake.
	for _, a := range os.Args[1:] {
		if !strings.HasPrefix(a, "-") {
			server.(interface{ setEngine(string) }).setEngine(a)
			break
		}
	}
	// The engine stops a plugin with SIGINT to its process group, the running program included. Like Pulumi's hosts,
	// this one then stops serving gracefully, letting a run end with its program, instead of exiting at once.
	interrupted, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	cancel := make(chan bool)
	go func() {
		<-interrupted.Done()
		stop()
		close(cancel)
	}()
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Cancel: cancel,
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, server)
			return nil
		},
	})
	if err != nil {
		cmdutil.Exit(fmt.Errorf("could not start the language host: %w", err))
	}
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		cmdutil.Exit(err)
	}
}

func (h *host) setEngine(address string) { h.engineAddress = address }
