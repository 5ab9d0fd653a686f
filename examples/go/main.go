// Two existing App Runner services, already set to private (isPubliclyAccessible: false), made reachable from an
// existing VPC through one shared interface endpoint, owned by no service.
package main

import (
	// The local SDK `pulumi package add ../../provider` generates; the command adds the go.mod `replace` line.
	apprunnerprivate "github.com/apprunner-private/pulumi-apprunner-private/sdk/go/apprunnerprivate"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")
		vpcID := pulumi.String(cfg.Require("vpcId"))
		var subnetIDs []string
		cfg.RequireObject("subnetIds", &subnetIDs)

		// One interface endpoint for the VPC (billed per Availability Zone per hour), owned by no service.
		shared, err := apprunnerprivate.NewInterfaceEndpoint(ctx, "shared", &apprunnerprivate.InterfaceEndpointArgs{
			VpcId:     vpcID,
			SubnetIds: pulumi.ToStringArray(subnetIDs),
		})
		if err != nil {
			return err
		}
		api, err := apprunnerprivate.NewPrivateEndpoint(ctx, "api", &apprunnerprivate.PrivateEndpointArgs{
			ServiceArn:    pulumi.String(cfg.Require("apiServiceArn")),
			VpcId:         vpcID,
			VpcEndpointId: shared.VpcEndpointId,
		})
		if err != nil {
			return err
		}
		admin, err := apprunnerprivate.NewPrivateEndpoint(ctx, "admin", &apprunnerprivate.PrivateEndpointArgs{
			ServiceArn:    pulumi.String(cfg.Require("adminServiceArn")),
			VpcId:         vpcID,
			VpcEndpointId: shared.VpcEndpointId,
		})
		if err != nil {
			return err
		}
		ctx.Export("apiUrl", api.Url)
		ctx.Export("adminUrl", admin.Url)
		ctx.Export("vpcEndpointId", shared.VpcEndpointId)
		return nil
	})
}
