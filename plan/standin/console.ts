#!/usr/bin/env node
// The stand-in account's console: changes the account out of band, as a person in the AWS console (or another tool,
// such as AWS Copilot's CloudFormation stacks) would, by calling AWS's APIs directly. Tests use it to make drift and
// resources that exist before a stack; so can users of the plan. Prints JSON.
//
//   npm run --silent standin:console -- --state FILE <verb> ...
import { parseArgs } from "node:util";
import { Aws, AwsError, DEFAULT_REGION, ServiceName, addNetworkInterface, wallClock } from "../aws";
import { Store } from "./store";
import { createCopilotEnvironment, createCopilotService, createEndpoint, list } from "./changes";

const USAGE = `usage: standin:console --state FILE [--region R] <verb> ...

  list                                       every resource not in the account's starting topology
  create-endpoint VPC_ID SUBNET_ID...        an App Runner interface endpoint with a new security group (TCP 443 from
      [--group-name N] [--group-description D] [--ingress-from SG_ID] [--private-dns] [--ip-address-type T] [--tag K=V]...
                                             the VPC's blocks, or all traffic from --ingress-from), private DNS off
                                             unless --private-dns
  create-security-group VPC_ID NAME [--group-description D] [--tag K=V]...
  create-service NAME [--public] [--tag K=V]...   a running App Runner service (private unless --public)
  create-connection SERVICE_ARN VPC_ID VPCE_ID [--name N] [--tag K=V]...
  move-connection CONNECTION_ARN VPC_ID VPCE_ID   App Runner's UpdateVpcIngressConnection: the connection to another
                                             endpoint (or VPC), in place; PENDING_UPDATE, then AVAILABLE
  create-copilot-environment APP ENV VPC_ID SUBNET_ID...
                                             what an AWS Copilot environment stack keeps for private services: its
                                             environment security group, the App Runner endpoint in the subnets and the
                                             endpoint's security group (all traffic from the environment's group),
                                             named and tagged as Copilot's CloudFormation template makes them
  create-copilot-service APP ENV SVC VPC_ID VPCE_ID
                                             a private Request-Driven Web Service: the service and its connection
  create-network-interface SUBNET_ID SG_ID...   a network interface of the account's own (an instance's, a function's),
      [--description D]                      in those security groups
  app-runner-subscription on|off             off: the account is one App Runner does not serve (a new customer since 30
                                             April 2026): every App Runner call is SubscriptionRequiredException
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
            "private-dns": { type: "boolean" },
            "ip-address-type": { type: "string" },
            description: { type: "string" },
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
            return createEndpoint(call, region, vpcId, subnetIds, {
                groupName: values["group-name"],
                groupDescription: values["group-description"],
                ingressFrom: values["ingress-from"],
                privateDns: values["private-dns"],
                ipAddressType: values["ip-address-type"],
                tags: tags(),
            });
        }
        case "create-network-interface": {
            need(2, "SUBNET_ID SG_ID...");
            const [subnetId, ...groupIds] = args;
            const eni = store.update((state) => {
                const aws = new Aws(state.aws, wallClock(store.timeScale));
                return addNetworkInterface(aws.account, region, {
                    SubnetId: subnetId,
                    GroupIds: groupIds,
                    Description: values.description,
                });
            });
            return { networkInterfaceId: eni.NetworkInterfaceId };
        }
        case "app-runner-subscription": {
            need(1, "on|off");
            if (!["on", "off"].includes(args[0])) throw new UsageError(`app-runner-subscription takes on or off, got: ${args[0]}`);
            store.update((state) => void (state.aws.appRunnerSubscription = args[0] === "on" ? undefined : false));
            return { appRunnerSubscription: args[0] };
        }
        case "create-copilot-environment": {
            need(4, "APP ENV VPC_ID SUBNET_ID...");
            const [app, env, vpcId, ...subnetIds] = args;
            return createCopilotEnvironment(call, region, app, env, vpcId, subnetIds);
        }
        case "create-copilot-service": {
            need(5, "APP ENV SVC VPC_ID VPCE_ID");
            const [app, env, svc, vpcId, vpceId] = args;
            return createCopilotService(call, app, env, svc, vpcId, vpceId);
        }
        case "create-service": {
            need(1, "NAME");
            const { Service } = call("apprunner", "CreateService", {
                ServiceName: args[0],
                SourceConfiguration: {
                    ImageRepository: {
                        ImageIdentifier: "public.ecr.aws/aws-containers/hello-app-runner:latest",
                        ImageRepositoryType: "ECR_PUBLIC",
                    },
                },
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
        case "move-connection": {
            need(3, "CONNECTION_ARN VPC_ID VPCE_ID");
            const { VpcIngressConnection: c } = call("apprunner", "UpdateVpcIngressConnection", {
                VpcIngressConnectionArn: args[0],
                IngressVpcConfiguration: { VpcId: args[1], VpcEndpointId: args[2] },
            });
            return {
                vpcIngressConnectionArn: c.VpcIngressConnectionArn,
                status: c.Status,
                ingressVpcConfiguration: c.IngressVpcConfiguration,
            };
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
            else if (id.includes(":vpcingressconnection/"))
                call("apprunner", "DeleteVpcIngressConnection", { VpcIngressConnectionArn: id });
            else if (id.includes(":service/")) call("apprunner", "DeleteService", { ServiceArn: id });
            else throw new UsageError(`delete does not know what ${id} is`);
            return { deleted: id };
        }
        case "authorize-ingress": {
            need(2, "SG_ID CIDR");
            const port = Number(values.port);
            call("ec2", "AuthorizeSecurityGroupIngress", {
                GroupId: args[0],
                IpPermissions: [{ IpProtocol: "tcp", FromPort: port, ToPort: port, IpRanges: [{ CidrIp: args[1] }] }],
            });
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

/**
 * Runs one console command and prints its JSON answer; returns the exit code (2: a usage error, 1: AWS refused).
 * `usage` is the usage text to show with a usage error (`apprunner-private console` gives its own).
 */
export function runConsole(argv: string[], usage = USAGE): number {
    try {
        process.stdout.write(JSON.stringify(main(argv), null, 2) + "\n");
        return 0;
    } catch (e) {
        const message =
            e instanceof UsageError ? `${e.message}\n\n${usage}` : e instanceof AwsError ? `${e.code}: ${e.message}` : (e as Error).message;
        process.stderr.write(`${message}\n`);
        return e instanceof UsageError ? 2 : 1;
    }
}

/** The verbs, as `apprunner-private console --help` lists them. */
export const VERBS = USAGE.slice(USAGE.indexOf("\n\n") + 2);

if (require.main === module) process.exitCode = runConsole(process.argv.slice(2));
