// The mocks are only worth what they reject: these tests hold them to the AWS rules they model, with
// hand-written resources that bypass the component's own validation.
import * as aws from "@pulumi/aws";
import { joined } from "./regex";
import * as pulumi from "@pulumi/pulumi";
import * as assert from "node:assert/strict";
import { AwsMocks, TOPOLOGY as T, valueOf, zoneId } from "./mocks";
import { hex } from "../plan/aws";
import { PrivateEndpoint } from "../sdk/index";

/** The request id the model's SDK errors carry: derived from the request, so a message can be asserted whole. */
function requestId(action: string, params: unknown): string {
    const h = hex(`${action}/${JSON.stringify(params)}`, 32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const endpointArgs = (over: Partial<aws.ec2.VpcEndpointArgs> = {}): aws.ec2.VpcEndpointArgs => ({
    vpcId: T.vpcId,
    serviceName: "com.amazonaws.us-east-1.apprunner.requests",
    vpcEndpointType: "Interface",
    subnetIds: [T.subnetA, T.subnetB],
    ...over,
});

async function rejected(output: any, pattern: RegExp) {
    await assert.rejects(valueOf(output), (e: any) => {
        assert.match(e.message, pattern);
        return true;
    });
}

describe("AWS mocks", () => {
    beforeEach(() => {
        new AwsMocks().install();
    });

    it("accept a valid interface endpoint and answer in AWS's formats", async () => {
        const e = new aws.ec2.VpcEndpoint("ok", endpointArgs());
        assert.match((await valueOf(e.id))!, /^vpce-[0-9a-f]{17}$/);
        assert.match((await valueOf(e.arn))!, /^arn:aws:ec2:us-east-1:123456789012:vpc-endpoint\/vpce-[0-9a-f]{17}$/);
        const [entry] = (await valueOf(e.dnsEntries))!;
        assert.match(entry.dnsName!, /^vpce-[0-9a-f]{17}-[0-9a-f]{8}\.apprunner\.requests\.us-east-1\.vpce\.amazonaws\.com$/);
        assert.equal((await valueOf(e.networkInterfaceIds))!.length, 2);
        // AWS puts the VPC's default security group on an endpoint created without one.
        assert.equal((await valueOf(e.securityGroupIds))!.length, 1);
    });

    it("name Availability Zone ids as AWS does, in every region", async () => {
        assert.deepEqual(
            ["us-east-1a", "eu-west-1b", "ap-southeast-2a", "ap-northeast-1c", "eu-central-1a", "us-gov-west-1a", "ca-central-1b"].map(
                zoneId,
            ),
            ["use1-az1", "euw1-az2", "apse2-az1", "apne1-az3", "euc1-az1", "usgw1-az1", "cac1-az2"],
        );
        const eu = new aws.Provider("eu", { region: "eu-west-1" });
        assert.deepEqual((await aws.getAvailabilityZones({}, { provider: eu })).zoneIds, ["euw1-az1", "euw1-az2", "euw1-az3"]);
        assert.equal((await aws.ec2.getSubnet({ id: T.euSubnetB }, { provider: eu })).availabilityZoneId, "euw1-az2");
    });

    it("reject two endpoint subnets in one Availability Zone", () =>
        rejected(new aws.ec2.VpcEndpoint("e", endpointArgs({ subnetIds: [T.subnetA, T.subnetA2] })).id, /DuplicateSubnetsInSameZone/));

    it("reject a Gateway endpoint (the provider's default type) for apprunner.requests", () =>
        rejected(
            new aws.ec2.VpcEndpoint("e", endpointArgs({ vpcEndpointType: undefined })).id,
            joined(
                /api error InvalidParameter: The VPC endpoint service /,
                /com\.amazonaws\.us-east-1\.apprunner\.requests does not support the VPC endpoint /,
                /type Gateway\.$/,
            ),
        ));

    it("reject an endpoint policy for App Runner", () =>
        rejected(
            new aws.ec2.VpcEndpoint("e", endpointArgs({ policy: "{}" })).id,
            joined(
                /api error InvalidParameter: The VPC endpoint service /,
                /com\.amazonaws\.us-east-1\.apprunner\.requests does not support VPC endpoint /,
                /policies\.$/,
            ),
        ));

    it("reject an endpoint service of another region", () =>
        rejected(
            new aws.ec2.VpcEndpoint("e", endpointArgs({ serviceName: "com.amazonaws.eu-west-1.apprunner.requests" })).id,
            /InvalidServiceName/,
        ));

    it("reject a subnet of another VPC", () =>
        rejected(new aws.ec2.VpcEndpoint("e", endpointArgs({ subnetIds: [T.subnetA, T.otherSubnet] })).id, /does not belong to the VPC/));

    it("reject a second VPC ingress connection for one service", async () => {
        const conn = (name: string) =>
            new aws.apprunner.VpcIngressConnection(name, {
                name,
                serviceArn: T.apiServiceArn,
                ingressVpcConfiguration: { vpcId: T.vpcId, vpcEndpointId: T.existingEndpointId },
            });
        assert.match((await valueOf(conn("first").domainName))!, /^[a-z0-9]{10}\.us-east-1\.awsapprunner\.com$/);
        await rejected(conn("second").arn, /already has a VPC ingress connection/);
    });

    it("reject a connection name AWS would refuse, and an unknown service", async () => {
        const args = { serviceArn: T.apiServiceArn, ingressVpcConfiguration: { vpcId: T.vpcId, vpcEndpointId: T.existingEndpointId } };
        await rejected(new aws.apprunner.VpcIngressConnection("a", { ...args, name: "ab" }).arn, /vpcIngressConnectionName/);
        await rejected(
            new aws.apprunner.VpcIngressConnection("b", {
                ...args,
                name: "valid-name",
                serviceArn: T.apiServiceArn.replace("api-service", "nope-service"),
            }).arn,
            /api error InvalidRequestException: Service not found: arn:aws:apprunner:us-east-1:123456789012:service\/nope-service\//,
        );
    });

    it("reject tags with the reserved aws: prefix", () =>
        rejected(new aws.ec2.VpcEndpoint("e", endpointArgs({ tags: { "aws:x": "y" } })).id, /InvalidParameterValue/));

    it("reject a subnet outside its VPC's CIDR blocks", () => {
        const vpc = new aws.ec2.Vpc("v", { cidrBlock: "10.9.0.0/16" });
        return rejected(new aws.ec2.Subnet("s", { vpcId: vpc.id, cidrBlock: "10.10.0.0/24" }).id, /InvalidSubnet.Range/);
    });

    it("accept a dualstack endpoint in subnets with IPv6 blocks, and refuse one in a subnet without", async () => {
        const dual = (subnetIds: string[]) =>
            new aws.ec2.VpcEndpoint(`d${subnetIds.length}`, endpointArgs({ vpcId: T.dualVpcId, subnetIds, ipAddressType: "dualstack" }));
        assert.match((await valueOf(dual([T.dualSubnetA, T.dualSubnetB]).id))!, /^vpce-/);
        await rejected(
            dual([T.dualSubnetA, T.dualSubnetB, T.dualSubnetV4Only]).id,
            new RegExp(
                `The subnet ${T.dualSubnetV4Only} does not have an IPv6 CIDR block, which dualstack IP ` +
                    `address type for com.amazonaws.us-east-1.apprunner.requests requires.$`,
            ),
        );
        await rejected(
            new aws.ec2.VpcEndpoint("v6", endpointArgs({ ipAddressType: "ipv6" })).id,
            /does not support the IP address type ipv6\.$/,
        );
    });

    it("see secret inputs and invoke arguments as their values, as AWS does", async () => {
        const e = new aws.ec2.VpcEndpoint("secret-tags", endpointArgs({ tags: { team: pulumi.secret("payments") } }));
        assert.match((await valueOf(e.id))!, /^vpce-/);
        const c = new aws.apprunner.VpcIngressConnection("secret-arn", {
            serviceArn: pulumi.secret(T.apiServiceArn),
            ingressVpcConfiguration: { vpcId: T.vpcId, vpcEndpointId: T.existingEndpointId },
        });
        assert.match((await valueOf(c.domainName))!, /awsapprunner\.com$/);
        assert.equal(await pulumi.isSecret(c.serviceArn), true, "an output whose input was secret stays secret");
        const subnet = await aws.ec2.getSubnetOutput({ id: pulumi.secret(T.subnetA) }).availabilityZone.apply((z) => z);
        assert.equal(await valueOf(subnet), "us-east-1a");
    });

    it("give a private service no serviceUrl (empty, as the provider reports an unset string), and a public one a URL", async () => {
        const service = (name: string, isPubliclyAccessible?: boolean) =>
            new aws.apprunner.Service(name, {
                serviceName: name,
                sourceConfiguration: {
                    imageRepository: { imageIdentifier: "public.ecr.aws/x/y:latest", imageRepositoryType: "ECR_PUBLIC" },
                },
                ...(isPubliclyAccessible === undefined ? {} : { networkConfiguration: { ingressConfiguration: { isPubliclyAccessible } } }),
            });
        assert.equal(await valueOf(service("private-svc", false).serviceUrl), "");
        assert.match((await valueOf(service("public-svc").serviceUrl))!, /^[a-z0-9]{10}\.us-east-1\.awsapprunner\.com$/);
    });

    it("refuse to delete a service while a connection to it is AVAILABLE, as AWS does", async () => {
        const mocks = new AwsMocks().install();
        const c = new aws.apprunner.VpcIngressConnection("c", {
            serviceArn: T.apiServiceArn,
            ingressVpcConfiguration: { vpcId: T.vpcId, vpcEndpointId: T.existingEndpointId },
        });
        const connectionArn = (await valueOf(c.arn))!;
        await assert.rejects(mocks.delete("aws:apprunner/service:Service", T.apiServiceArn), {
            message:
                `deleting App Runner Service (${T.apiServiceArn}): operation error AppRunner: ` +
                `DeleteService, https response error StatusCode: 400, ` +
                `RequestID: ${requestId("DeleteService", { ServiceArn: T.apiServiceArn })}, api error ` +
                `InvalidStateException: You cannot delete a Service while it has ` +
                `VpcIngressConnections with a status of AVAILABLE. Service Arn: ${T.apiServiceArn} ` +
                `VpcIngressConnection Arn: ${connectionArn}`,
        });
        await mocks.delete("aws:apprunner/vpcIngressConnection:VpcIngressConnection", connectionArn);
        await mocks.delete("aws:apprunner/service:Service", T.apiServiceArn);
        const { Service } = mocks.aws.call("apprunner", "DescribeService", { ServiceArn: T.apiServiceArn }, "us-east-1");
        assert.equal(Service.Status, "DELETED");
    });

    it("give every registration the URN the engine gives it: the full chain of its ancestors' types", async () => {
        const mocks = new AwsMocks().install();
        const under = (type: string, name: string) => {
            const parent = new (class extends pulumi.ComponentResource {})(type, name, {}, {});
            return new PrivateEndpoint(
                "api",
                {
                    serviceArn: type.includes("Team") ? T.apiServiceArn : T.adminServiceArn,
                    vpcId: T.vpcId,
                    subnetIds: [T.subnetA, T.subnetB],
                },
                { parent },
            );
        };
        const components = [under("acme:index:Team", "payments"), under("acme:index:Platform", "core")];
        await Promise.all(components.map((c) => valueOf(c.url)));
        await mocks.settle();
        const urn = (chain: string, name: string) => `urn:pulumi:stack::project::${chain}::${name}`;
        // The URN the program itself sees, as the engine would answer it.
        assert.equal(
            await valueOf(components[0].vpcIngressConnection!.urn),
            urn("acme:index:Team$apprunner-private:index:PrivateEndpoint$aws:cloudcontrol/resource:Resource", "api-connection"),
        );
        for (const owner of ["acme:index:Team", "acme:index:Platform"]) {
            const component = urn(`${owner}$apprunner-private:index:PrivateEndpoint`, "api");
            assert.equal(mocks.byUrn(component).parent, urn(owner, owner.endsWith("Team") ? "payments" : "core"));
            for (const [type, name] of [
                ["aws:ec2/securityGroup:SecurityGroup", "api-endpoint-sg"],
                ["aws:ec2/vpcEndpoint:VpcEndpoint", "api-endpoint"],
                ["aws:cloudcontrol/resource:Resource", "api-connection"],
            ]) {
                const child = mocks.byUrn(urn(`${owner}$apprunner-private:index:PrivateEndpoint$${type}`, name));
                assert.equal(child.parent, component, child.urn);
                assert.ok(child.id, `${child.urn} was created`);
            }
        }
    });

    it("leave the process's other unhandledRejection listeners in place", () => {
        const mine = () => undefined;
        process.on("unhandledRejection", mine);
        try {
            new AwsMocks().install();
            new AwsMocks().install();
            assert.ok(process.listeners("unhandledRejection").includes(mine));
        } finally {
            process.off("unhandledRejection", mine);
        }
    });

    it("throw on an unmocked invoke or resource type", async () => {
        await assert.rejects(
            aws.ec2.getInternetGateway({ internetGatewayId: "igw-12345678" }),
            /the stand-in AWS provider does not model the function aws:ec2\/getInternetGateway:getInternetGateway$/,
        );
        await rejected(
            new aws.s3.Bucket("b", {}).id,
            /^failed to register new resource b \[aws:s3\/bucket:Bucket\]: mocks: unmocked resource type aws:s3\/bucket:Bucket$/,
        );
    });
});
