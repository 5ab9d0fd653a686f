// Two independent components: `shared` is refused for its subnets, `audit` is correct and must not be blamed.
package main

import (
	apprunnerprivate "github.com/apprunner-private/pulumi-apprunner-private/sdk/go/apprunnerprivate"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")
		var sharedSubnetIDs, subnetIDs []string
		cfg.RequireObject("sharedSubnetIds", &sharedSubnetIDs)
		cfg.RequireObject("subnetIds", &subnetIDs)
		vpcID := pulumi.String(cfg.Require("vpcId"))
		if _, err := apprunnerprivate.NewInterfaceEndpoint(ctx, "shared", &apprunnerprivate.InterfaceEndpointArgs{
			VpcId:     vpcID,
			SubnetIds: pulumi.ToStringArray(sharedSubnetIDs),
		}); err != nil {
			return err
		}
		audit, err := apprunnerprivate.NewPrivateEndpoint(ctx, "audit", &apprunnerprivate.PrivateEndpointArgs{
			ServiceArn: pulumi.String(cfg.Require("serviceArn")),
			VpcId:      vpcID,
			SubnetIds:  pulumi.ToStringArray(subnetIDs),
		})
		if err != nil {
			return err
		}
		ctx.Export("url", audit.Url)
		return nil
	})
}
