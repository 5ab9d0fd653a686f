// `aws.apprunner.VpcIngressConnection`: hashicorp/terraform-provider-aws internal/service/apprunner/vpc_ingress_connection.go
// @ ffded4b8, as @pulumi/aws 7.48.0 bundles it (./index.ts). The component no longer creates one (issue #22: it makes the
// connection an aws.cloudcontrol.Resource, ./cloudControlResource.ts); programs of their own and stacks of earlier releases
// still do. Replaced on a change (ForceNew): `name`, `serviceArn`, `ingressVpcConfiguration` and both its fields (since
// v5.84.0, hashicorp/terraform-provider-aws#40927), `region`; updated in place: `tags` only.
import { Ctx, PartialCreate, SdkError, waitFor } from "../context";
import { io, map, obj, out, str } from "../schema";
import { arn } from "../validators";
import { ResourceType, notFound, region, step, tagList, tags, tagsOut } from "./common";

export const vpcIngressConnection: ResourceType = {
    tagging: "apprunner",
    autonamed: true,
    schema: {
        token: "aws:apprunner/vpcIngressConnection:VpcIngressConnection",
        properties: {
            // ForceNew, all three, in the file read @ ffded4b8 (CHANGELOG v5.84.0: "Change `ingress_vpc_configuration`,
            // `name`, and `service_arn` to ForceNew (#40927)"); notes once called the first two unverified: the source
            // settles it.
            name: io(str, { forceNew: true, computed: true, alwaysOut: true }),
            serviceArn: io(str, { required: true, forceNew: true, alwaysOut: true, validate: arn }),
            ingressVpcConfiguration: io(
                obj("aws:apprunner/VpcIngressConnectionIngressVpcConfiguration:VpcIngressConnectionIngressVpcConfiguration", {
                    vpcId: io(str),
                    vpcEndpointId: io(str),
                }),
                { required: true, forceNew: true, alwaysOut: true },
            ),
            region: region(),
            tags: tags(),
            arn: out(str),
            domainName: out(str),
            status: out(str),
            tagsAll: out(map(str)),
        },
    },
    async create(ctx, inputs) {
        const { VpcIngressConnection: c } = await step(`creating App Runner VPC Ingress Connection (${inputs.name})`, () =>
            ctx.call("apprunner", "CreateVpcIngressConnection", {
                ServiceArn: inputs.serviceArn,
                VpcIngressConnectionName: inputs.name,
                IngressVpcConfiguration: {
                    VpcId: inputs.ingressVpcConfiguration?.vpcId,
                    VpcEndpointId: inputs.ingressVpcConfiguration?.vpcEndpointId,
                },
                Tags: tagList(inputs.tags),
            }),
        );
        const id = c.VpcIngressConnectionArn;
        try {
            // Fixed at 2 minutes, whatever customTimeouts says (vpc_ingress_connection.go: no Timeouts block).
            await waitFor(ctx, `waiting for App Runner VPC Ingress Connection (${id}) create`, {
                pending: ["PENDING_CREATION"],
                target: ["AVAILABLE"],
                timeoutMs: 120_000,
                pollMs: 5_000,
                refresh: () => connectionStatus(ctx, id),
            });
        } catch (e) {
            throw new PartialCreate(id, (await this.read(ctx, id)) ?? {}, (e as Error).message);
        }
        return { id, state: (await this.read(ctx, id))! };
    },
    async read(ctx, id) {
        let c;
        try {
            ({ VpcIngressConnection: c } = await ctx.call("apprunner", "DescribeVpcIngressConnection", { VpcIngressConnectionArn: id }));
        } catch (e) {
            if (notFound(e, "ResourceNotFoundException")) return undefined;
            throw new SdkError(`reading App Runner VPC Ingress Connection (${id}): ${(e as Error).message}`);
        }
        // A DELETED connection is gone (findVPCIngressConnectionByARN).
        if (c.Status === "DELETED") return undefined;
        const t = (await ctx.call("apprunner", "ListTagsForResource", { ResourceArn: id })).Tags;
        return {
            arn: c.VpcIngressConnectionArn,
            domainName: c.DomainName,
            ingressVpcConfiguration: {
                vpcEndpointId: c.IngressVpcConfiguration.VpcEndpointId ?? "",
                vpcId: c.IngressVpcConfiguration.VpcId ?? "",
            },
            name: c.VpcIngressConnectionName,
            region: ctx.region,
            serviceArn: c.ServiceArn,
            status: c.Status,
            tags: tagsOut(t),
            tagsAll: tagsOut(t),
        };
    },
    async update(ctx, id) {
        // "Tags only." (resourceVPCIngressConnectionUpdate): the tagging interceptor has updated them; everything else
        // replaces the connection.
        return (await this.read(ctx, id))!;
    },
    async delete(ctx, id) {
        try {
            await ctx.call("apprunner", "DeleteVpcIngressConnection", { VpcIngressConnectionArn: id });
        } catch (e) {
            if (notFound(e, "ResourceNotFoundException")) return;
            throw new SdkError(`deleting App Runner VPC Ingress Connection (${id}): ${(e as Error).message}`, (e as SdkError).code);
        }
        await waitFor(ctx, `waiting for App Runner VPC Ingress Connection (${id}) delete`, {
            pending: ["AVAILABLE", "PENDING_DELETION"],
            target: [],
            timeoutMs: 120_000,
            pollMs: 5_000,
            refresh: () => connectionStatus(ctx, id),
        });
    },
};

async function connectionStatus(ctx: Ctx, arn: string): Promise<string | undefined> {
    try {
        const status = (await ctx.call("apprunner", "DescribeVpcIngressConnection", { VpcIngressConnectionArn: arn })).VpcIngressConnection
            .Status;
        return status === "DELETED" ? undefined : status;
    } catch (e) {
        if (notFound(e, "ResourceNotFoundException")) return undefined;
        throw e;
    }
}
