@_exported import struct PrecisExtract.Article
@_exported import struct PrecisIngest.Cluster
@_exported import enum PrecisIngest.ContentFormat
@_exported import struct PrecisIngest.InputReader
@_exported import struct PrecisIngest.Intake
// The facade re-exports the types a library user needs to read inputs and summaries.
@_exported import struct PrecisIngest.RawDocument
@_exported import struct PrecisIngest.SkippedInput
@_exported import enum PrecisJSON.JSONOutput
@_exported import enum PrecisJSON.JSONValue
@_exported import enum PrecisSummarize.SummaryBudget
