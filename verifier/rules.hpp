// Rule names: every rejection names exactly one. Tests and the adversarial
// corpus match on these strings, so they are stable identifiers.
#pragma once

namespace ktal::rule {

// Encoding (decode.cpp)
inline constexpr const char *kForbiddenOpcode = "encoding.forbidden-opcode";
inline constexpr const char *kForbiddenPrefix = "encoding.forbidden-prefix";
inline constexpr const char *kForbiddenOperand = "encoding.forbidden-operand";
inline constexpr const char *kTruncated = "encoding.truncated";
inline constexpr const char *kDecoderDisagrees = "encoding.decoder-disagrees";
inline constexpr const char *kIndirectBranch = "encoding.indirect-branch";

// Layout of the text
inline constexpr const char *kPadding = "text.padding";

// Control flow (check.cpp)
inline constexpr const char *kTargetNotBlock = "control.target-not-block";
inline constexpr const char *kTargetMidInsn = "control.target-mid-instruction";
inline constexpr const char *kTargetOutside = "control.target-outside-function";
inline constexpr const char *kFallThrough = "control.fall-through";
inline constexpr const char *kBlockMidInsn = "cert.block-mid-instruction";
inline constexpr const char *kEdge = "cert.edge-state";
inline constexpr const char *kFuel = "fuel.backward-jump";
inline constexpr const char *kFuelCall = "fuel.call";

// Calls and returns
inline constexpr const char *kCallTarget = "call.target";
inline constexpr const char *kCallOrder = "call.order";
inline constexpr const char *kCallArgs = "call.arguments";
inline constexpr const char *kStackBudget = "stack.budget";
inline constexpr const char *kStackBound = "stack.bound";
inline constexpr const char *kRetRsp = "ret.rsp";
inline constexpr const char *kRetAddr = "ret.return-address";
inline constexpr const char *kRetCalleeSaved = "ret.callee-saved";
inline constexpr const char *kRetResult = "ret.result";

// Stack
inline constexpr const char *kRspExact = "stack.rsp";
inline constexpr const char *kFrame = "stack.frame";
inline constexpr const char *kReturnAddress = "stack.return-address";

// Memory
inline constexpr const char *kNotPointer = "memory.not-a-pointer";
inline constexpr const char *kBounds = "memory.bounds";
inline constexpr const char *kReadOnly = "memory.read-only";
inline constexpr const char *kCodeAddress = "memory.code-address";
inline constexpr const char *kRepCount = "memory.rep-count";

// Information flow: nothing of the kernel may be read
inline constexpr const char *kUninit = "leak.uninitialised";
inline constexpr const char *kOpaque = "leak.opaque";
inline constexpr const char *kStackPointer = "leak.stack-pointer";
inline constexpr const char *kFlags = "leak.flags";

// Arithmetic
inline constexpr const char *kDivZero = "divide.zero";
inline constexpr const char *kDivOverflow = "divide.overflow";

// The certificate itself
inline constexpr const char *kCertMalformed = "cert.malformed";
inline constexpr const char *kCertLayout = "cert.layout";
inline constexpr const char *kEntry = "cert.entry";
inline constexpr const char *kResource = "verifier.resource";
inline constexpr const char *kInterrupted = "verifier.interrupted";

} // namespace ktal::rule
