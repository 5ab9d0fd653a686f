// A program that fails before registering anything: the plan must show this error, as `pulumi up` would.
package main

import (
	"errors"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		return errors.New("the program's own error: no network settings given (Go)")
	})
}
