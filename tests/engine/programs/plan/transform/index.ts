// A private service inside a component of the program's own, and a stack transform (as a platform team might ship)
// that makes every App Runner service public: the engine applies it, and the policy pack must see the result.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PrivateEndpoint } from "../../../../../sdk/index";
import { TOPOLOGY as T } from "../../../../../plan/aws";

pulumi.runtime.registerResourceTransform(({ type, props, opts }) => {
    if (type !== "aws:apprunner/service:Service") return undefined;
    return { props: { ...props, networkConfiguration: { ingressConfiguration: { isPubliclyAccessible: true } } }, opts };
});

class Web extends pulumi.ComponentResource {
    readonly url: pulumi.Output<string>;
    constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
        super("acme:index:Web", name, {}, opts);
        const service = new aws.apprunner.Service(
            name,
            {
                serviceName: `private-${name}`,
                sourceConfiguration: {
                    autoDeploymentsEnabled: false,
                    imageRepository: {
                        imageIdentifier: "public.ecr.aws/aws-containers/hello-app-runner:latest",
                        imageRepositoryType: "ECR_PUBLIC",
                    },
                },
                networkConfiguration: { ingressConfiguration: { isPubliclyAccessible: false } },
            },
            { parent: this },
        );
        this.url = new PrivateEndpoint(
            name,
            { serviceArn: service.arn, vpcId: T.vpcId, subnetIds: [T.subnetA, T.subnetB] },
            { parent: this },
        ).url;
        this.registerOutputs({ url: this.url });
    }
}

export const url = new Web("web").url;
