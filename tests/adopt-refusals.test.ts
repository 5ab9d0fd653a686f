// Adoption under mocks, refused: what is refused before anything is registered, what is refused once the lookups answer,
// and what is only warned about (tests/adopt-fixtures.ts makes the accounts).
import * as pulumi from "@pulumi/pulumi";
import { createEndpoint } from "../plan/standin/changes";
import { InterfaceEndpoint, InterfaceEndpointArgs, PrivateEndpoint, PrivateEndpointArgs } from "../sdk/index";
import { AwsMocks, TOPOLOGY as T } from "./mocks";
import { refusedLater } from "./refusals";
import { MISSING_CONNECTION, SECTION, consoleAccount, refusedNow } from "./adopt-fixtures";

describe("adoption (import on the children)", () => {
    describe("refused at construction, before anything is registered", () => {
        const pe = (args: Partial<PrivateEndpointArgs>, opts?: pulumi.ComponentResourceOptions) => () =>
            new PrivateEndpoint("api", { serviceArn: T.apiServiceArn, vpcId: T.vpcId, ...args } as PrivateEndpointArgs, opts);
        const ie = (args: Partial<InterfaceEndpointArgs>, opts?: pulumi.ComponentResourceOptions) => () =>
            new InterfaceEndpoint("shared", { vpcId: T.vpcId, subnetIds: [T.subnetA, T.subnetB], ...args } as InterfaceEndpointArgs, opts);
        const subnets = { subnetIds: [T.subnetA, T.subnetB] };
        const cases: [string, () => unknown, string][] = [
            [
                "Pulumi's import option on a PrivateEndpoint",
                pe(subnets, { import: "vpce-0123456789abcdef0" } as pulumi.CustomResourceOptions),
                "The `import` option cannot bring existing resources under this PrivateEndpoint, got: " +
                    '"vpce-0123456789abcdef0". Pulumi ignores `import` on a component, so its ' +
                    "children would be created anew beside the existing ones. Remove the option and pass " +
                    "`adoptVpcEndpointId`, `adoptSecurityGroupId` or " +
                    `\`adoptConnectionArn\` (${SECTION}).`,
            ],
            [
                "Pulumi's import option on an InterfaceEndpoint",
                ie({}, { import: "vpce-0123456789abcdef0" } as pulumi.CustomResourceOptions),
                "The `import` option cannot bring existing resources under this InterfaceEndpoint, got: " +
                    '"vpce-0123456789abcdef0". Pulumi ignores `import` on a component, so its ' +
                    `children would be created anew beside the existing ones. Remove the option and pass ` +
                    `\`adoptVpcEndpointId\` or \`adoptSecurityGroupId\` (${SECTION}).`,
            ],
            [
                "an endpoint id of the wrong shape",
                ie({ adoptVpcEndpointId: "vpc-0123456789abcdef0" }),
                "`adoptVpcEndpointId` must be a VPC endpoint id (vpce- and 8 or 17 hexadecimal characters), " +
                    'got: "vpc-0123456789abcdef0". Pass the id of the ' +
                    "endpoint to adopt, e.g. from `aws ec2 describe-vpc-endpoints`.",
            ],
            [
                "a group id known only later",
                ie({ adoptSecurityGroupId: pulumi.output("sg-0123456789abcdef0") }),
                "`adoptSecurityGroupId` must be a plain string known when the program runs, got: an Output " +
                    "(a value known only later, or a secret). It becomes " +
                    "Pulumi's `import` option on the component's security group, which takes an id, not an " +
                    "Output. Pass the id as text, e.g. from stack " +
                    "configuration (not as a secret).",
            ],
            [
                "a service ARN given as the connection's",
                pe({ vpcEndpointId: T.existingEndpointId, adoptConnectionArn: T.apiServiceArn }),
                "`adoptConnectionArn` must be a VPC ingress connection ARN " +
                    "(arn:aws:apprunner:<region>:<account>:vpcingressconnection/<name>/<id>), got: " +
                    `"${T.apiServiceArn}". Pass the connection's ARN, e.g. from \`aws apprunner list-vpc-ingress-connections\`.`,
            ],
            [
                "adoptSecurityGroupId with securityGroupIds",
                ie({ adoptSecurityGroupId: "sg-0123456789abcdef0", securityGroupIds: [T.existingSecurityGroupId] }),
                "Only one of `securityGroupIds` or `adoptSecurityGroupId` can be provided. " +
                    "`securityGroupIds` uses groups without managing them; " +
                    "`adoptSecurityGroupId` brings the one group the component manages under it. Keep the one you mean.",
            ],
            [
                "adoptVpcEndpointId with vpcEndpointId",
                pe({ vpcEndpointId: T.existingEndpointId, adoptVpcEndpointId: T.existingEndpointId }),
                "`adoptVpcEndpointId` adopts an endpoint for this component to manage (with `subnetIds`) " +
                    "and cannot be combined with `vpcEndpointId`, which " +
                    "reuses an endpoint managed elsewhere. Adopt it where that endpoint is managed (e.g. an " +
                    "InterfaceEndpoint's `adoptVpcEndpointId`), or pass " +
                    "`subnetIds` instead of `vpcEndpointId`.",
            ],
            [
                "adoptSecurityGroupId with vpcEndpointId",
                pe({ vpcEndpointId: T.existingEndpointId, adoptSecurityGroupId: T.existingSecurityGroupId }),
                "`adoptSecurityGroupId` adopts the security group of an endpoint this component manages " +
                    "(with `subnetIds`) and cannot be combined with " +
                    "`vpcEndpointId`, which reuses an endpoint managed elsewhere. Adopt it where that endpoint " +
                    "is managed (e.g. an InterfaceEndpoint's " +
                    "`adoptSecurityGroupId`), or pass `subnetIds` instead of `vpcEndpointId`.",
            ],
            [
                "a connection adopted with a new endpoint",
                pe({ ...subnets, adoptConnectionArn: MISSING_CONNECTION }),
                "`adoptConnectionArn` with `subnetIds` needs `adoptVpcEndpointId`: a connection is adopted " +
                    "as it is, through the endpoint it has. Pass " +
                    "`adoptVpcEndpointId` with the connection's endpoint, or `vpcEndpointId` instead of " +
                    "`subnetIds` to connect through that endpoint without " +
                    "managing it; once adopted, the connection moves to another endpoint in place.",
            ],
            [
                "another connectionName than the adopted connection's",
                pe({ vpcEndpointId: T.existingEndpointId, adoptConnectionArn: MISSING_CONNECTION, connectionName: "api-private" }),
                '`connectionName` must be the adopted connection\'s name, "gone-connection" (the name in ' +
                    '`adoptConnectionArn`), got: "api-private". A ' +
                    'connection\'s name cannot change without replacing it. Omit `connectionName`, or set it to "gone-connection".',
            ],
            [
                "adoptFrom with adoptVpcEndpointId",
                ie({ adoptFrom: "api", adoptVpcEndpointId: T.existingEndpointId }),
                "Only one of `adoptFrom` or `adoptVpcEndpointId` can be provided. `adoptFrom` takes over " +
                    "the endpoint of a PrivateEndpoint in this stack; " +
                    "`adoptVpcEndpointId` imports one made outside Pulumi. Keep the one that matches where the endpoint comes from.",
            ],
        ];
        for (const [what, make, message] of cases) it(what, () => refusedNow(make, message));
    });

    describe("refused once the lookups answer, before anything is imported", () => {
        it("an endpoint the provider cannot find", async () => {
            const mocks = new AwsMocks().install();
            const shared = new InterfaceEndpoint("shared", {
                vpcId: T.vpcId,
                subnetIds: [T.subnetA, T.subnetB],
                adoptVpcEndpointId: "vpce-0123456789abcdef0",
            });
            await refusedLater(
                mocks,
                shared.vpcEndpointId,
                "`adoptVpcEndpointId` must be an endpoint the AWS provider can see in us-east-1, got: " +
                    '"vpce-0123456789abcdef0" (lookup failed: no matching ' +
                    "EC2 VPC Endpoint found). Check the id and the provider's region and account.",
            );
        });

        it("an endpoint of another VPC, with another group than the one adopted", async () => {
            const { mocks, call } = consoleAccount();
            const other = createEndpoint(call, "us-east-1", T.otherVpcId, [T.otherSubnet]);
            const shared = new InterfaceEndpoint("shared", {
                vpcId: T.vpcId,
                subnetIds: [T.subnetA, T.subnetB],
                adoptVpcEndpointId: other.vpcEndpointId,
                adoptSecurityGroupId: T.existingSecurityGroupId,
            });
            await refusedLater(
                mocks,
                shared.vpcEndpointId,
                [
                    `\`adoptVpcEndpointId\` must be an endpoint of \`vpcId\` (${T.vpcId}), got: ${other.vpcEndpointId} ` +
                        `in ${T.otherVpcId}. Set \`vpcId\` to ` +
                        `${T.otherVpcId}: an endpoint cannot move to another VPC without being replaced.`,
                    `\`adoptSecurityGroupId\` must be the security group of the endpoint \`adoptVpcEndpointId\` ` +
                        `names, got: ${T.existingSecurityGroupId}, while ` +
                        `${other.vpcEndpointId} has ${other.securityGroupId}. Adopt its group, or pass ` +
                        `\`securityGroupIds: ["${other.securityGroupId}"]\` to keep ` +
                        "its groups without managing them.",
                ].join("\n"),
            );
        });

        it("a VPC's default security group, and a group of another VPC", async () => {
            const mocks = new AwsMocks().install();
            const groupOf = (vpc: string) =>
                mocks.aws.account.state.securityGroups.find((g) => g.VpcId === vpc && g.GroupName === "default")!.GroupId;
            const own = new InterfaceEndpoint("own", {
                vpcId: T.vpcId,
                subnetIds: [T.subnetA, T.subnetB],
                adoptSecurityGroupId: groupOf(T.vpcId),
            });
            await refusedLater(
                mocks,
                own.vpcEndpointId,
                `\`adoptSecurityGroupId\` must not be a VPC's default security group, got: ${groupOf(T.vpcId)} ` +
                    `(default). AWS never deletes it, and the ` +
                    "component would try to on `pulumi destroy`. Pass it in `securityGroupIds` to keep using it without managing it.",
            );
            const other = new InterfaceEndpoint("other", {
                vpcId: T.vpcId,
                subnetIds: [T.subnetA, T.subnetB],
                adoptSecurityGroupId: groupOf(T.otherVpcId),
            });
            await refusedLater(
                mocks,
                other.vpcEndpointId,
                [
                    `\`adoptSecurityGroupId\` must be a security group of \`vpcId\` (${T.vpcId}), got: ${groupOf(T.otherVpcId)} ` +
                        `in ${T.otherVpcId}. Adopt the ` +
                        `group of the endpoint in ${T.vpcId}: a security group cannot move to another VPC.`,
                    `\`adoptSecurityGroupId\` must not be a VPC's default security group, got: ${groupOf(T.otherVpcId)} ` +
                        `(default). AWS never deletes it, and the ` +
                        "component would try to on `pulumi destroy`. Pass it in `securityGroupIds` to keep using it without managing it.",
                ].join("\n"),
            );
        });

        it("a connection Cloud Control cannot find", async () => {
            const mocks = new AwsMocks().install();
            const pe = new PrivateEndpoint("api", {
                serviceArn: T.apiServiceArn,
                vpcId: T.vpcId,
                vpcEndpointId: T.existingEndpointId,
                adoptConnectionArn: MISSING_CONNECTION,
            });
            await refusedLater(
                mocks,
                pe.domainName,
                `\`adoptConnectionArn\` must be a VPC ingress connection that exists in the AWS provider's ` +
                    `account and region, got: "${MISSING_CONNECTION}", ` +
                    "which Cloud Control could not find. Check the ARN, and the provider's region and account.",
            );
        });

        it("a connection of another service, through another endpoint", async () => {
            const { mocks, connectionArn, endpointId } = consoleAccount();
            const pe = new PrivateEndpoint("admin", {
                serviceArn: T.adminServiceArn,
                vpcId: T.vpcId,
                vpcEndpointId: T.existingEndpointId,
                adoptConnectionArn: connectionArn,
            });
            await refusedLater(
                mocks,
                pe.domainName,
                [
                    `\`adoptConnectionArn\` must connect \`serviceArn\` (${T.adminServiceArn}), got: a ` +
                        `connection of ${T.apiServiceArn}. Adopt the connection of ` +
                        "this service (`aws apprunner list-vpc-ingress-connections --filter ServiceArn=<service " +
                        "ARN>`), or set `serviceArn` to the service it connects.",
                    `\`adoptConnectionArn\` must be a connection through the endpoint \`vpcEndpointId\` names ` +
                        `(${T.existingEndpointId}), got: a connection through ` +
                        `${endpointId}. Set \`vpcEndpointId\` to ${endpointId}: a connection is adopted as it is, ` +
                        `and moved to another endpoint afterwards, in place.`,
                ].join("\n"),
            );
        });

        it("a connection through another endpoint than the one adopted with it", async () => {
            const { mocks, connectionArn, endpointId } = consoleAccount();
            const pe = new PrivateEndpoint("api", {
                serviceArn: T.apiServiceArn,
                vpcId: T.vpcId,
                subnetIds: [T.subnetA, T.subnetB],
                adoptVpcEndpointId: T.existingEndpointId,
                adoptSecurityGroupId: T.existingSecurityGroupId,
                adoptConnectionArn: connectionArn,
            });
            await refusedLater(
                mocks,
                pe.domainName,
                `\`adoptConnectionArn\` must be a connection through the endpoint \`adoptVpcEndpointId\` ` +
                    `names (${T.existingEndpointId}), got: a connection ` +
                    `through ${endpointId}. Set \`adoptVpcEndpointId\` to ${endpointId}: a connection is ` +
                    `adopted as it is, and moved to another endpoint ` +
                    "afterwards, in place.",
            );
        });

        it("a connection in another region than the provider's", async () => {
            const mocks = new AwsMocks().install();
            const arn = MISSING_CONNECTION.replace("us-east-1", "eu-west-1");
            const pe = new PrivateEndpoint("api", {
                serviceArn: T.apiServiceArn,
                vpcId: T.vpcId,
                vpcEndpointId: T.existingEndpointId,
                adoptConnectionArn: arn,
            });
            await refusedLater(
                mocks,
                pe.domainName,
                `\`adoptConnectionArn\` must be in the AWS provider's region (us-east-1), got: "${arn}" in ` +
                    `eu-west-1. Give this component a provider for ` +
                    "eu-west-1 (the `provider` option), or adopt a connection in us-east-1.",
            );
        });
    });
});
