// One AWS account as the model keeps it: what exists in each region, as plain data, so a plugin process can keep it in
// a file between commands. Objects are stored in the shapes the AWS APIs answer with (EC2 and App Runner field names),
// plus `Region` and, while a change is under way, `Pending` (the state it reaches, and when). Nothing here imports the
// component: this is the independent oracle the component is tested against.
import { ec2Id, hex } from "./ids";

export interface Tag {
    Key: string;
    Value: string;
}

/** A change AWS makes in the background: the status an object reaches, at a time (ms on the account's clock). */
export interface Pending {
    To: string;
    At: number;
}

export interface IpPermission {
    IpProtocol: string;
    FromPort?: number;
    ToPort?: number;
    IpRanges: { CidrIp: string; Description?: string }[];
    Ipv6Ranges: { CidrIpv6: string; Description?: string }[];
    UserIdGroupPairs: { GroupId: string; UserId?: string; Description?: string }[];
    PrefixListIds: { PrefixListId: string; Description?: string }[];
}

export interface Vpc {
    VpcId: string;
    Region: string;
    OwnerId: string;
    CidrBlock: string;
    CidrBlockAssociationSet: { AssociationId: string; CidrBlock: string; CidrBlockState: { State: string } }[];
    Ipv6CidrBlockAssociationSet: {
        AssociationId: string;
        Ipv6CidrBlock: string;
        Ipv6CidrBlockState: { State: string };
        NetworkBorderGroup: string;
    }[];
    State: string;
    IsDefault: boolean;
    InstanceTenancy: string;
    DhcpOptionsId: string;
    EnableDnsSupport: boolean;
    EnableDnsHostnames: boolean;
    MainRouteTableId: string;
    DefaultNetworkAclId: string;
    Tags: Tag[];
}

export interface Subnet {
    SubnetId: string;
    SubnetArn: string;
    Region: string;
    VpcId: string;
    OwnerId: string;
    AvailabilityZone: string;
    AvailabilityZoneId: string;
    CidrBlock: string;
    Ipv6CidrBlockAssociationSet: { AssociationId: string; Ipv6CidrBlock: string; Ipv6CidrBlockState: { State: string } }[];
    State: string;
    DefaultForAz: boolean;
    MapPublicIpOnLaunch: boolean;
    AssignIpv6AddressOnCreation: boolean;
    AvailableIpAddressCount: number;
    Tags: Tag[];
}

export interface SecurityGroup {
    GroupId: string;
    GroupName: string;
    Description: string;
    Region: string;
    VpcId: string;
    OwnerId: string;
    SecurityGroupArn: string;
    IpPermissions: IpPermission[];
    IpPermissionsEgress: IpPermission[];
    Tags: Tag[];
}

export interface VpcEndpoint {
    VpcEndpointId: string;
    VpcEndpointType: string;
    Region: string;
    VpcId: string;
    ServiceName: string;
    State: string;
    PolicyDocument?: string;
    RouteTableIds: string[];
    SubnetIds: string[];
    Groups: { GroupId: string; GroupName: string }[];
    IpAddressType: string;
    DnsOptions: { DnsRecordIpType: string; PrivateDnsOnlyForInboundResolverEndpoint: boolean };
    PrivateDnsEnabled: boolean;
    RequesterManaged: boolean;
    NetworkInterfaceIds: string[];
    DnsEntries: { DnsName: string; HostedZoneId: string }[];
    CreationTimestamp: string;
    OwnerId: string;
    Tags: Tag[];
    Pending?: Pending;
}

export interface NetworkInterface {
    NetworkInterfaceId: string;
    Region: string;
    SubnetId: string;
    VpcId: string;
    AvailabilityZone: string;
    Description: string;
    InterfaceType: string;
    RequesterManaged: boolean;
    RequesterId?: string;
    Groups: { GroupId: string; GroupName: string }[];
    PrivateIpAddress: string;
    Ipv6Addresses: { Ipv6Address: string; IsPrimaryIpv6?: boolean }[];
    /** The primary IPv6 address, when it has one. */
    Ipv6Address?: string;
    Status: string;
    OwnerId: string;
    MacAddress: string;
    Tags: Tag[];
}

export interface Service {
    ServiceArn: string;
    ServiceName: string;
    ServiceId: string;
    Region: string;
    ServiceUrl?: string;
    Status: string;
    SourceConfiguration: Record<string, any>;
    InstanceConfiguration: Record<string, any>;
    NetworkConfiguration: {
        EgressConfiguration: { EgressType: string; VpcConnectorArn?: string };
        IngressConfiguration: { IsPubliclyAccessible: boolean };
        IpAddressType: string;
    };
    HealthCheckConfiguration: Record<string, any>;
    EncryptionConfiguration?: Record<string, any>;
    ObservabilityConfiguration?: Record<string, any>;
    AutoScalingConfigurationSummary: {
        AutoScalingConfigurationArn: string;
        AutoScalingConfigurationName: string;
        AutoScalingConfigurationRevision: number;
    };
    CreatedAt: number;
    UpdatedAt: number;
    DeletedAt?: number;
    Pending?: Pending;
}

export interface VpcIngressConnection {
    VpcIngressConnectionArn: string;
    VpcIngressConnectionName: string;
    ServiceArn: string;
    Region: string;
    Status: string;
    AccountId: string;
    DomainName: string;
    IngressVpcConfiguration: { VpcId?: string; VpcEndpointId?: string };
    CreatedAt: number;
    DeletedAt?: number;
    Pending?: Pending;
}

/** The account's whole state, as plain data. */
export interface AccountState {
    accountId: string;
    /** Ids generated so far: each new id is derived from this count, so runs are repeatable. */
    serial: number;
    /** The ids and ARNs of what existed when the account was made: the console's `list` leaves them out. */
    baseline: string[];
    vpcs: Vpc[];
    subnets: Subnet[];
    securityGroups: SecurityGroup[];
    vpcEndpoints: VpcEndpoint[];
    services: Service[];
    connections: VpcIngressConnection[];
    /** App Runner keeps tags apart from the resource (TagResource / ListTagsForResource), by ARN. */
    appRunnerTags: Record<string, Tag[]>;
    /** Changes AWS would make that a test has asked to go wrong: the id or ARN of the object. */
    failures: string[];
    /** Network interfaces of the account's own (an endpoint's are derived from it); absent in accounts saved before. */
    networkInterfaces?: NetworkInterface[];
    /** Cloud Control's resource requests, by request token (absent in accounts saved before the model had them). */
    resourceRequests?: ResourceRequest[];
    /**
     * The Availability Zones each endpoint service is offered in, by service name, where a topology narrows them
     * (DescribeVpcEndpointServices' AvailabilityZones); absent, a service is offered in every zone of its region.
     */
    endpointServiceZones?: Record<string, string[]>;
    /**
     * False for an account App Runner does not serve: a new account since App Runner closed to new customers (30 April
     * 2026), whose every App Runner call AWS answers with SubscriptionRequiredException. Absent: an existing customer.
     */
    appRunnerSubscription?: boolean;
}

/**
 * How long AWS takes to finish a change, in ms of AWS's time (scaled by the clock). No AWS source states these; they
 * are this model's choices, long enough for a provider to see the pending states (unverified: see CONTRIBUTING.md).
 */
export const DURATIONS = {
    vpcEndpointCreate: 60_000,
    vpcEndpointModify: 10_000,
    vpcEndpointDelete: 30_000,
    connectionCreate: 30_000,
    connectionUpdate: 30_000,
    connectionDelete: 20_000,
    serviceOperation: 120_000,
};

/** The account's clock: wall time with AWS's durations scaled (the stand-in), or a virtual clock (the mocks). */
export interface Clock {
    now(): number;
    /** The real duration of an AWS duration. */
    scale(ms: number): number;
}

export const wallClock = (timeScale = 0): Clock => ({ now: () => Date.now(), scale: (ms) => ms * timeScale });

export class Account {
    constructor(
        readonly state: AccountState,
        readonly clock: Clock,
    ) {}

    static empty(accountId: string): AccountState {
        return {
            accountId,
            serial: 0,
            baseline: [],
            vpcs: [],
            subnets: [],
            securityGroups: [],
            vpcEndpoints: [],
            services: [],
            connections: [],
            appRunnerTags: {},
            failures: [],
        };
    }

    get accountId(): string {
        return this.state.accountId;
    }

    /** A new EC2 id (`vpce-…`) or App Runner id (32 hex), derived from the account and a serial number. */
    newEc2Id(prefix: string): string {
        return ec2Id(prefix, `${this.state.accountId}/${prefix}/${++this.state.serial}`);
    }
    newAppRunnerId(): string {
        return hex(`${this.state.accountId}/apprunner/${++this.state.serial}`, 32);
    }

    /** When a change started now completes. */
    after(durationMs: number): number {
        return this.clock.now() + this.clock.scale(durationMs);
    }

    /** Completes every background change that is due (AWS does them whether or not anyone asks). */
    settle(): void {
        const now = this.clock.now();
        const due = <T extends { Pending?: Pending }>(o: T) => o.Pending !== undefined && o.Pending.At <= now;
        for (const e of this.state.vpcEndpoints.filter(due)) {
            if (e.Pending!.To === "deleted") this.state.vpcEndpoints = this.state.vpcEndpoints.filter((x) => x !== e);
            else this.finish(e, e.VpcEndpointId, "State", e.Pending!.To, "failed");
        }
        for (const c of this.state.connections.filter(due)) {
            const failed =
                c.Pending!.To === "AVAILABLE" ? (c.Status === "PENDING_UPDATE" ? "FAILED_UPDATE" : "FAILED_CREATION") : "FAILED_DELETION";
            this.finish(c, c.VpcIngressConnectionArn, "Status", c.Pending!.To, failed);
        }
        for (const s of this.state.services.filter(due))
            this.finish(s, s.ServiceArn, "Status", s.Pending!.To, s.Pending!.To === "DELETED" ? "DELETE_FAILED" : "CREATE_FAILED");
    }

    private finish(o: { Pending?: Pending }, id: string, field: string, to: string, failed: string): void {
        const failing = this.state.failures.includes(id);
        (o as Record<string, unknown>)[field] = failing ? failed : to;
        if (failing) this.state.failures = this.state.failures.filter((f) => f !== id);
        delete o.Pending;
    }
}

/** A Cloud Control resource request (ProgressEvent's members), kept until it is asked for again. */
export interface ResourceRequest {
    RequestToken: string;
    ClientToken?: string;
    TypeName: string;
    Operation: "CREATE" | "UPDATE" | "DELETE";
    Identifier?: string;
    Region: string;
    EventTime: number;
    /** Set once the operation has an outcome: at once when the handler failed at its first call, else when it settled. */
    OperationStatus?: "SUCCESS" | "FAILED";
    ErrorCode?: string;
    StatusMessage?: string;
    ResourceModel?: string;
}
