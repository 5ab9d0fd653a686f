#!/usr/bin/env node
// The stand-in account's console: changes the account out of band, as a person in the AWS console (or another tool,
// such as AWS Copilot's CloudFormation stacks) would, by calling AWS's APIs directly. Tests use it to make drift and
// resources that exist before a stack; so can users of the plan. Prints JSON.
//
//   npm run --silent standin:console -- --state FILE <verb> ...
import { parseArgs } from "node:util";
import { AccountState, AwsError, DEFAULT_REGION, ServiceName } from "../aws";
import { Store } from "./store";

const USAGE = `usage: standin:console --state FILE [--region R] <verb> ...

  list                                       every resource not in the account's starting topology
  create-endpoint VPC_ID SUBNET_ID...        an App Runner interface endpoint with a new security group (TCP 443 from
      [--group-name N] [--group-description D] [--ingress-from SG_ID] [--tag K=V]...
                                             the VPC's blocks, or all traffic from --ingress-from)
  create-security-group VPC_ID NAME [--group-description D] [--tag K=V]...
  create-service NAME [--public] [--tag K=V]...   a running App Runner service (private unless --public)
  create-connection SERVICE_ARN VPC_ID VPCE_ID [--name N] [--tag K=V]...
  delete ID                                  an endpoint, security group, subnet, VPC, service or connection (id or ARN)
  authorize-ingress SG_ID CIDR [--port P]    TCP P (default 443) from CIDR
  tag ID KEY=VALUE...`;

class UsageError extends Error {}

function main(argv: string[]): unknown {
    const { values, positionals } = parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
            state: { type: "string" },
            region: { type: "string", default: DEFAULT_REGION },
            "group-name": { type: "string" },
            "group-description": { type: "string" },
            "ingress-from": { type: "string" },
            tag: { type: "string", multiple: true },
            public: { type: "boolean" },
            name: { type: "string" },
            port: { type: "string", default: "443" },
        },
    });
    if (!values.state) throw new UsageError("--state FILE is required: the stand-in's state file (APPRUNNER_STANDIN_STATE)");
    const store = new Store(values.state, Number(process.env.APPRUNNER_STANDIN_TIME_SCALE ?? 0));
    const region = values.region!;
    const call = (service: ServiceName, action: string, params: Record<string, any>) => store.call(service, action, params, region);
    const tags = (list: string[] = values.tag ?? []) =>
        list.map((kv) => {
            const eq = kv.indexOf("=");
            if (eq <= 0) throw new UsageError(`tags are KEY=VALUE, got: ${kv}`);
            return { Key: kv.slice(0, eq), Value: kv.slice(eq + 1) };
        });
    const [verb, ...args] = positionals;
    const need = (n: number, what: string) => {
        if (args.length < n) throw new UsageError(`${verb} needs ${what}`);
    };
    switch (verb) {
        case "list":
            return list(store.snapshot());
        case "create-security-group": {
            need(2, "VPC_ID NAME");
            return call("ec2", "CreateSecurityGroup", {
                VpcId: args[0],
                GroupName: args[1],
                Description: values["group-description"] ?? args[1],
                TagSpecifications: [{ ResourceType: "security-group", Tags: tags() }],
            });
        }
        case "create-endpoint": {
            need(2, "VPC_ID SUBNET_ID...");
            const [vpcId, ...subnetIds] = args;
            const { Vpcs } = call("ec2", "DescribeVpcs", { VpcIds: [vpcId] });
            const name = values["group-name"] ?? `apprunner-endpoint-${Date.now().toString(36)}`;
            const { GroupId } = call("ec2", "CreateSecurityGroup", {
                VpcId: vpcId,
                GroupName: name,
                Description: values["group-description"] ?? "App Runner VPC endpoint",
                TagSpecifications: [{ ResourceType: "security-group", Tags: tags() }],
            });
            const from = values["ingress-from"];
            call("ec2", "AuthorizeSecurityGroupIngress", {
                GroupId,
                IpPermissions: [
                    from
                        ? { IpProtocol: "-1", UserIdGroupPairs: [{ GroupId: from }] }
                        : { IpProtocol: "tcp", FromPort: 443, ToPort: 443, IpRanges: Vpcs[0].CidrBlockAssociationSet.map((a: any) => ({ CidrIp: a.CidrBlock })) },
                ],
            });
            const { VpcEndpoint } = call("ec2", "CreateVpcEndpoint", {
                VpcEndpointType: "Interface",
                VpcId: vpcId,
                ServiceName: `com.amazonaws.${region}.apprunner.requests`,
                SubnetIds: subnetIds,
                SecurityGroupIds: [GroupId],
                PrivateDnsEnabled: false,
                TagSpecifications: [{ ResourceType: "vpc-endpoint", Tags: tags() }],
            });
            return { vpcEndpointId: VpcEndpoint.VpcEndpointId, securityGroupId: GroupId };
        }
        case "create-service": {
            need(1, "NAME");
            const { Service } = call("apprunner", "CreateService", {
                ServiceName: args[0],
                SourceConfiguration: { ImageRepository: { ImageIdentifier: "public.ecr.aws/aws-containers/hello-app-runner:latest", ImageRepositoryType: "ECR_PUBLIC" } },
                NetworkConfiguration: { IngressConfiguration: { IsPubliclyAccessible: values.public ?? false } },
                Tags: tags(),
            });
            return { serviceArn: Service.ServiceArn };
        }
        case "create-connection": {
            need(3, "SERVICE_ARN VPC_ID VPCE_ID");
            const { VpcIngressConnection: c } = call("apprunner", "CreateVpcIngressConnection", {
                ServiceArn: args[0],
                VpcIngressConnectionName: values.name ?? `console-${Date.now().toString(36)}`,
                IngressVpcConfiguration: { VpcId: args[1], VpcEndpointId: args[2] },
                Tags: tags(),
            });
            return { vpcIngressConnectionArn: c.VpcIngressConnectionArn, name: c.VpcIngressConnectionName, domainName: c.DomainName };
        }
        case "delete": {
            need(1, "ID");
            const id = args[0];
            if (id.startsWith("vpce-")) {
                const { Unsuccessful } = call("ec2", "DeleteVpcEndpoints", { VpcEndpointIds: [id] });
                if (Unsuccessful.length) throw new Error(`${Unsuccessful[0].Error.Code}: ${Unsuccessful[0].Error.Message}`);
            } else if (id.startsWith("sg-")) call("ec2", "DeleteSecurityGroup", { GroupId: id });
            else if (id.startsWith("subnet-")) call("ec2", "DeleteSubnet", { SubnetId: id });
            else if (id.startsWith("vpc-")) call("ec2", "DeleteVpc", { VpcId: id });
            else if (id.includes(":vpcingressconnection/")) call("apprunner", "DeleteVpcIngressConnection", { VpcIngressConnectionArn: id });
            else if (id.includes(":service/")) call("apprunner", "DeleteService", { ServiceArn: id });
            else throw new UsageError(`delete does not know what ${id} is`);
            return { deleted: id };
        }
        case "authorize-ingress": {
            need(2, "SG_ID CIDR");
            const port = Number(values.port);
            call("ec2", "AuthorizeSecurityGroupIngress", { GroupId: args[0], IpPermissions: [{ IpProtocol: "tcp", FromPort: port, ToPort: port, IpRanges: [{ CidrIp: args[1] }] }] });
            return { authorized: { groupId: args[0], cidr: args[1], port } };
        }
        case "tag": {
            need(2, "ID KEY=VALUE...");
            const [id, ...kvs] = args;
            if (id.startsWith("arn:")) call("apprunner", "TagResource", { ResourceArn: id, Tags: tags(kvs) });
            else call("ec2", "CreateTags", { Resources: [id], Tags: tags(kvs) });
            return { tagged: id, tags: Object.fromEntries(tags(kvs).map((t) => [t.Key, t.Value])) };
        }
        default:
            throw new UsageError(verb ? `unknown verb ${verb}` : "a verb is required");
    }
}

/** Everything the account holds that was not in its starting topology (deleted services and connections left out). */
export function list(aws: AccountState) {
    const fresh = (id: string) => !aws.baseline.includes(id);
    return [
        ...aws.vpcs.filter((v) => fresh(v.VpcId)).map((v) => ({ type: "vpc", id: v.VpcId, cidrBlock: v.CidrBlock })),
        ...aws.subnets.filter((s) => fresh(s.SubnetId)).map((s) => ({ type: "subnet", id: s.SubnetId, vpcId: s.VpcId, availabilityZone: s.AvailabilityZone })),
        ...aws.securityGroups.filter((g) => fresh(g.GroupId) && g.GroupName !== "default").map((g) => ({ type: "security-group", id: g.GroupId, name: g.GroupName, vpcId: g.VpcId })),
        ...aws.vpcEndpoints.filter((e) => fresh(e.VpcEndpointId)).map((e) => ({ type: "vpc-endpoint", id: e.VpcEndpointId, vpcId: e.VpcId, state: e.State, subnetIds: e.SubnetIds })),
        ...aws.services.filter((s) => fresh(s.ServiceArn) && s.Status !== "DELETED").map((s) => ({ type: "apprunner-service", id: s.ServiceArn, status: s.Status })),
        ...aws.connections
            .filter((c) => fresh(c.VpcIngressConnectionArn) && c.Status !== "DELETED")
            .map((c) => ({ type: "vpc-ingress-connection", id: c.VpcIngressConnectionArn, name: c.VpcIngressConnectionName, serviceArn: c.ServiceArn, status: c.Status, domainName: c.DomainName })),
    ];
}

if (require.main === module) {
    try {
        process.stdout.write(JSON.stringify(main(process.argv.slice(2)), null, 2) + "\n");
    } catch (e) {
        process.stderr.write(`${e instanceof UsageError ? `${e.message}\n\n${USAGE}` : e instanceof AwsError ? `${e.code}: ${e.message}` : (e as Error).message}\n`);
        process.exitCode = e instanceof UsageError ? 2 : 1;
    }
}
