// Errors as people read them: one line that names the resource and says what went wrong, without the property
// paths and wrappers the SDK adds as an error travels through outputs.
import * as pulumi from "@pulumi/pulumi";

const SERIALIZING = /^(error serializing property "[^"]+": )+/;
const REGISTRATION = /^failed to (?:register new|read) resource (\S+) \[([^\]]*:[A-Za-z]+)\]: (?:\d+ [A-Z_]+: )?/;
/** What a type is called in a message: the last part of its token; the connection's Cloud Control resource by what it is. */
const typeLabel = (token: string) => (token === "aws:cloudcontrol/resource:Resource" ? "Cloud Control resource" : token.split(":").pop());

const refusals = new WeakSet<Error>();

/**
 * A validation error against a component. Its message is the whole story, so it carries no stack trace and hides
 * its resource from `util.inspect`: Pulumi's handler for unhandled errors formats `util.inspect(error)` even when
 * `hideStack` is set, and in the plugin host that means a source-mapped stack. Measured: 16 s of CPU in the
 * provider process before the error reached the engine; 50 ms without (tests/provider.test.ts).
 */
export function refusal(message: string, resource: pulumi.Resource): pulumi.ResourceError {
    const error = new pulumi.ResourceError(message, resource, true);
    refusals.add(error);
    Object.defineProperty(error, "resource", { enumerable: false });
    Object.defineProperty(error, "stack", { value: `ResourceError: ${message}`, writable: true, enumerable: false });
    return error;
}

/** Is this a component's refusal of its arguments (from `refusal`)? */
export function isRefusal(e: unknown): boolean {
    return e instanceof Error && refusals.has(e);
}

/** Is this the SDK's error for a child that failed to register, or a value that failed on its way? */
export function isSdkFailure(e: unknown): boolean {
    const message = String((e as Error)?.message ?? "");
    return SERIALIZING.test(message) || REGISTRATION.test(message);
}

/**
 * One line: `<Type> "<name>": <message>` for an error against a resource (a component's refusal, a child AWS
 * refused), the message alone otherwise.
 */
export function describeFailure(e: unknown): string {
    const message = String((e as Error)?.message ?? e).replace(SERIALIZING, "");
    const m = REGISTRATION.exec(message);
    if (m) return `${typeLabel(m[2])} "${m[1]}": ${message.slice(m[0].length)}`;
    const resource = (e as { resource?: { __pulumiType?: string; __name?: string } })?.resource;
    return resource?.__name ? `${resource.__pulumiType?.split(":").pop()} "${resource.__name}": ${message}` : message;
}

/**
 * The provider's own reason for a failed lookup: the engine and the provider wrap it ("invocation of … returned an
 * error: invoking …: 1 error occurred: * no matching EC2 Subnet found"); the last line says what happened.
 */
export function lookupReason(e: unknown): string {
    const lines = String(e instanceof Error ? e.message : e)
        .split("\n")
        .map((l) => l.replace(/^\s*\* /, "").trim());
    return lines.filter(Boolean).pop() ?? "";
}
