// An error as an AWS API answers it: a code, a message and an HTTP status. The texts are AWS's where a public source
// shows a real response (cited beside each use); where none does, the text is this model's and says so in a comment.

export class AwsError extends Error {
    constructor(
        readonly code: string,
        message: string,
        readonly statusCode = 400,
    ) {
        super(message);
        this.name = code;
    }
}

export function fail(code: string, message: string, statusCode = 400): never {
    throw new AwsError(code, message, statusCode);
}

export function isAwsError(e: unknown, code?: string): e is AwsError {
    return e instanceof AwsError && (code === undefined || e.code === code);
}
