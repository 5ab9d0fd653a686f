// How the copy of the AWS provider reaches AWS: calls answered by the model (in this process for the mocks, under the
// state file's lock for the stand-in), errors printed as the AWS SDK for Go v2 prints them, and Terraform's waiters.
import { AwsError, NetworkError, ServiceName, hex } from "../aws";

export interface Ctx {
    /** The region the resource lives in (its `region` input, else the provider's). */
    region: string;
    call(service: ServiceName, action: string, params: Record<string, any>): Promise<Record<string, any>>;
    /** Waits an AWS duration (scaled by the clock, or advancing a virtual clock). */
    sleep(ms: number): Promise<void>;
    /** Now, and the deadline of an AWS duration from now, on the same clock. */
    now(): number;
    deadline(ms: number): number;
}

/** An AWS error as the provider reports it, with AWS's code kept for the provider's own decisions. */
export class SdkError extends Error {
    constructor(
        message: string,
        readonly code?: string,
    ) {
        super(message);
    }
}

const SDK_NAMES: Record<ServiceName, string> = {
    ec2: "EC2",
    apprunner: "AppRunner",
    cloudcontrol: "CloudControl",
    cloudformation: "CloudFormation",
    sts: "STS",
};

/** `operation error EC2: CreateVpcEndpoint, https response error StatusCode: 400, RequestID: …, api error <Code>: <Message>`. */
export function sdkError(service: ServiceName, action: string, params: unknown, e: unknown): Error {
    const op = `operation error ${SDK_NAMES[service]}: ${action}`;
    const h = hex(`${action}/${JSON.stringify(params)}`, 32);
    const requestId = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    if (e instanceof AwsError)
        return new SdkError(
            `${op}, https response error StatusCode: ${e.statusCode}, RequestID: ${requestId}, api error ${e.code}: ${e.message}`,
            e.code,
        );
    if (e instanceof NetworkError) {
        const host = e.message.match(/lookup (\S+):/)?.[1];
        return new SdkError(
            `${op}, exceeded maximum number of attempts, 25, https response error StatusCode: 0, ` +
                `RequestID: , request send failed, Post "https://${host}/": ${e.message}`,
        );
    }
    return e as Error;
}

export const hasCode = (e: unknown, ...codes: string[]) => e instanceof SdkError && e.code !== undefined && codes.includes(e.code);

/** A create AWS did, whose wait for the resource to be ready failed: Pulumi keeps it, with the reason (an init error). */
export class PartialCreate extends Error {
    constructor(
        readonly id: string,
        readonly state: Record<string, unknown>,
        message: string,
    ) {
        super(message);
    }
}

/**
 * Terraform's StateChangeConf: polls until the state is a target; a state neither pending nor target, or the
 * timeout, is an error in the plugin SDK's words (helper/retry/error.go), prefixed with what was awaited.
 */
export async function waitFor(
    ctx: Ctx,
    what: string,
    o: { pending: string[]; target: string[]; timeoutMs: number; pollMs: number; refresh: () => Promise<string | undefined> },
): Promise<void> {
    const deadline = ctx.deadline(o.timeoutMs);
    const gone = o.target.length === 0;
    for (;;) {
        const state = await o.refresh();
        if (state === undefined ? gone : o.target.includes(state)) return;
        if (state !== undefined && !o.pending.includes(state)) {
            throw new Error(`${what}: unexpected state '${state}', wanted target '${o.target.join(", ")}'. last error: %!s(<nil>)`);
        }
        if (ctx.now() >= deadline) {
            const minutes = `${Math.floor(o.timeoutMs / 60000)}m${(o.timeoutMs % 60000) / 1000}s`;
            throw new Error(
                gone
                    ? `${what}: timeout while waiting for resource to be gone (last state: '${state}', timeout: ${minutes})`
                    : `${what}: timeout while waiting for state to become '${o.target.join(", ")}' (last state: ` +
                          `'${state}', timeout: ${minutes})`,
            );
        }
        await ctx.sleep(o.pollMs);
    }
}
