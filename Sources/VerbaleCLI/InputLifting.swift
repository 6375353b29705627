import ArgumentParser

/// A command whose only positional argument is its list of inputs, which `InputLifting` may
/// take out of the command line before ArgumentParser parses it.
///
/// ArgumentParser stores each positional value by copying the values gathered so far out of an
/// existential and merging a set of their origins, so N inputs cost O(N²): 1,000 inputs took
/// 0.15 s to parse, 4,000 took 1.33 s and 16,000 took 17.7 s, before a file was read (and 200
/// inputs were 4 % of `verbale cites`). A batch of thousands of communications is this
/// tool's everyday input, so these commands parse their options with one input and receive the
/// whole list afterwards.
protocol LiftsInputs: ParsableCommand {
    /// The command's name on the command line.
    static var liftingName: String { get }
    /// The spellings (`--jobs`, `-o`) of the command's options that take a value as the next
    /// argument: the argument after one of them is that value, not an input. A test holds this
    /// list to ArgumentParser's own description of the command.
    static var valueOptions: Set<String> { get }
    /// The inputs, as the command reads them.
    var liftedInputs: [String] { get set }
}

/// Takes the inputs out of a command line, and puts them back into the parsed command.
enum InputLifting {
    /// Commands that lift their inputs.
    static let commands: [any LiftsInputs.Type] = [Convert.self, Cites.self, Validate.self, IndexCommand.self, BenchStages.self]

    /// Fewer inputs than this are left to ArgumentParser, whose cost is then small.
    static let threshold = 16

    /// The command line split into what ArgumentParser should parse (options, their values and
    /// the first input) and every input in order; nil when the line should be parsed as it is:
    /// not a lifting command, few inputs, or a `--` after which anything is an input.
    static func split(_ arguments: [String]) -> (parsed: [String], inputs: [String])? {
        guard let name = arguments.first, let command = commands.first(where: { $0.liftingName == name }) else {
            return nil
        }
        let valueOptions = command.valueOptions
        var parsed = [name]
        var inputs: [String] = []
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" { return nil }
            guard Self.looksLikeOption(argument) else {
                inputs.append(argument)
                continue
            }
            parsed.append(argument)
            // `--jobs=2` carries its value; `--jobs 2` takes the next argument.
            if valueOptions.contains(argument) {
                // A value missing (`-o` last) or looking like an option is left to
                // ArgumentParser to report or read: lifted, the input put last would become
                // that option's value.
                guard index < arguments.count, !Self.looksLikeOption(arguments[index]) else { return nil }
                parsed.append(arguments[index])
                index += 1
            }
        }
        guard inputs.count >= threshold else { return nil }
        parsed.append(inputs[0])
        return (parsed, inputs)
    }

    /// Whether an argument is an option or flag rather than an input: it starts with `-`, and
    /// is not `-` alone (standard input, an input like any other).
    static func looksLikeOption(_ argument: String) -> Bool {
        argument.utf8.first == UInt8(ascii: "-") && argument != "-"
    }

    /// Parses `arguments` (without the program name) as `VerbaleCommand.parseAsRoot` does, with
    /// the inputs lifted out when `split` says so; the command's `validate()` runs again on the
    /// whole list, so checks on the inputs see every one of them.
    static func parseAsRoot(_ arguments: [String]) throws -> any ParsableCommand {
        guard let (parsed, inputs) = split(arguments) else { return try VerbaleCommand.parseAsRoot(arguments) }
        let command = try VerbaleCommand.parseAsRoot(parsed)
        guard var lifting = command as? any LiftsInputs else { return command }
        lifting.liftedInputs = inputs
        try lifting.validate()
        return lifting
    }
}

extension Convert: LiftsInputs {
    static var liftingName: String { "convert" }
    static var valueOptions: Set<String> {
        ["--encoding", "--format", "-o", "--output", "--jobs", "--shard", "--schema", "--stages", "--window", "--whole-limit"]
    }
    var liftedInputs: [String] {
        get { input.inputs }
        set { input.inputs = newValue }
    }
}

extension Cites: LiftsInputs {
    static var liftingName: String { "cites" }
    static var valueOptions: Set<String> { ["--encoding", "--format"] }
    var liftedInputs: [String] {
        get { input.inputs }
        set { input.inputs = newValue }
    }
}

extension Validate: LiftsInputs {
    static var liftingName: String { "validate" }
    static var valueOptions: Set<String> { ["--encoding", "--format", "--only", "--ignore"] }
    var liftedInputs: [String] {
        get { input.inputs }
        set { input.inputs = newValue }
    }
}

extension IndexCommand: LiftsInputs {
    static var liftingName: String { "index" }
    static var valueOptions: Set<String> { ["--db"] }
    var liftedInputs: [String] {
        get { inputs }
        set { inputs = newValue }
    }
}

extension BenchStages: LiftsInputs {
    static var liftingName: String { "bench-stages" }
    static var valueOptions: Set<String> { ["--rounds"] }
    var liftedInputs: [String] {
        get { inputs }
        set { inputs = newValue }
    }
}
