// Two private App Runner services behind one shared interface endpoint, in an existing VPC.
using System.Collections.Generic;
using Pulumi;
using Aws = Pulumi.Aws;
// The SDK `pulumi package add ../../provider` generates. Its namespace follows Pulumi's C# generator: the schema's
// namespace, then its name ("ApprunnerPrivate.ApprunnerPrivate"); not generated on the machines this is built on (no
// .NET language host there), so use the `using` line the command prints if it differs.
using Components = ApprunnerPrivate.ApprunnerPrivate;

return await Deployment.RunAsync(() =>
{
    var config = new Config();
    var vpcId = config.Require("vpcId");
    var subnetIds = config.RequireObject<string[]>("subnetIds");

    Aws.AppRunner.Service PrivateService(string name) => new Aws.AppRunner.Service(name, new()
    {
        ServiceName = $"private-{name}",
        SourceConfiguration = new Aws.AppRunner.Inputs.ServiceSourceConfigurationArgs
        {
            AutoDeploymentsEnabled = false,
            ImageRepository = new Aws.AppRunner.Inputs.ServiceSourceConfigurationImageRepositoryArgs
            {
                ImageIdentifier = "public.ecr.aws/aws-containers/hello-app-runner:latest",
                ImageRepositoryType = "ECR_PUBLIC",
                ImageConfiguration = new Aws.AppRunner.Inputs.ServiceSourceConfigurationImageRepositoryImageConfigurationArgs { Port = "8000" },
            },
        },
        // AWS's procedure for a private service sets this before connecting it.
        NetworkConfiguration = new Aws.AppRunner.Inputs.ServiceNetworkConfigurationArgs
        {
            IngressConfiguration = new Aws.AppRunner.Inputs.ServiceNetworkConfigurationIngressConfigurationArgs { IsPubliclyAccessible = false },
        },
    });

    // One interface endpoint for the VPC (billed per Availability Zone per hour), owned by no service.
    var shared = new Components.InterfaceEndpoint("shared", new()
    {
        VpcId = vpcId,
        SubnetIds = subnetIds,
    });
    var api = new Components.PrivateEndpoint("api", new()
    {
        ServiceArn = PrivateService("api").Arn,
        VpcId = vpcId,
        VpcEndpointId = shared.VpcEndpointId,
    });
    var admin = new Components.PrivateEndpoint("admin", new()
    {
        ServiceArn = PrivateService("admin").Arn,
        VpcId = vpcId,
        VpcEndpointId = shared.VpcEndpointId,
    });

    return new Dictionary<string, object?>
    {
        ["apiUrl"] = api.Url,
        ["adminUrl"] = admin.Url,
        ["vpcEndpointId"] = shared.VpcEndpointId,
    };
});
