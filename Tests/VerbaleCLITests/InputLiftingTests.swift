import ArgumentParser
import Foundation
import Testing
@testable import VerbaleCLI

/// The inputs of long command lines are lifted out before ArgumentParser parses them (it is
/// quadratic in them); the parsed command must be the one ArgumentParser alone would give.
@Suite("Inputs lifted out of long command lines")
struct InputLiftingTests {
    /// The lifting commands, by name.
    static let names = InputLifting.commands.map { $0.liftingName }

    /// ArgumentParser's own description of `command`: its arguments as JSON objects.
    static func describedArguments(_ command: any ParsableCommand.Type) throws -> [[String: Any]] {
        let json = try JSONSerialization.jsonObject(with: Data(command._dumpHelp().utf8)) as? [String: Any]
        return ((json?["command"] as? [String: Any])?["arguments"] as? [[String: Any]]) ?? []
    }

    /// Every spelling of the options that take a value, as ArgumentParser describes them.
    static func describedValueOptions(_ command: any ParsableCommand.Type) throws -> Set<String> {
        var spellings: Set<String> = []
        for argument in try describedArguments(command) where argument["kind"] as? String == "option" {
            for name in argument["names"] as? [[String: Any]] ?? [] {
                let dashes = name["kind"] as? String == "short" ? "-" : "--"
                spellings.insert(dashes + (name["name"] as? String ?? ""))
            }
        }
        return spellings
    }

    /// `count` input names.
    static func inputs(_ count: Int) -> [String] { (0..<count).map { "dir\($0 % 3)/doc\($0).txt" } }

    @Test("each command's value options are the ones ArgumentParser knows", arguments: names)
    func valueOptionsMatchTheCommand(name: String) throws {
        let command = try #require(InputLifting.commands.first { $0.liftingName == name })
        #expect(command.valueOptions == (try Self.describedValueOptions(command)))
        // Lifting is sound only when the inputs are the one positional argument.
        let positionals = try Self.describedArguments(command).filter { $0["kind"] as? String == "positional" }
        #expect(positionals.count == 1)
        #expect(positionals.first?["isRepeating"] as? Bool == true)
        #expect(VerbaleCommand.configuration.subcommands.contains { $0 == command })
    }

    @Test("a long convert line parses to the same command with and without lifting")
    func convertMatchesArgumentParser() throws {
        let inputs = Self.inputs(40)
        let line = ["convert"] + inputs[0..<10] + ["--format", "json,xml", "-o", "out dir", "--jobs=3"]
            + inputs[10..<25] + ["--force", "--shard", "2/5", "-"] + inputs[25...] + ["--quiet"]
        let lifted = try #require(try InputLifting.parseAsRoot(line) as? Convert)
        let plain = try #require(try VerbaleCommand.parseAsRoot(line) as? Convert)
        #expect(lifted.input.inputs == Array(inputs[0..<25]) + ["-"] + Array(inputs[25...]))
        #expect(lifted.input.inputs == plain.input.inputs)
        #expect(lifted.format == plain.format && lifted.output == plain.output && lifted.jobs == plain.jobs)
        #expect(lifted.shard == plain.shard && lifted.force == plain.force && lifted.quiet == plain.quiet)
        #expect(lifted.output == "out dir" && lifted.jobs == 3 && lifted.shard == "2/5")
    }

    @Test("every lifting command parses a long line as ArgumentParser does", arguments: names)
    func everyCommandMatchesArgumentParser(name: String) throws {
        let command = try #require(InputLifting.commands.first { $0.liftingName == name })
        // The command's value options, each given a value, between the inputs.
        let directory = FileManager.default.temporaryDirectory.path + "/verbale-lifting-\(getpid())-\(name)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let inputs = (0..<30).map { directory + "/in\($0).json" }
        for input in inputs + [directory + "/value"] { #expect(FileManager.default.createFile(atPath: input, contents: Data())) }
        var line = [name] + inputs[0..<15]
        for option in command.valueOptions.sorted() where option.hasPrefix("--") {
            line += [option, Self.value(for: option, of: name, in: directory)]
        }
        line += inputs[15...]
        let lifted = try InputLifting.parseAsRoot(line)
        let plain = try VerbaleCommand.parseAsRoot(line)
        #expect(String(reflecting: lifted) == String(reflecting: plain))
        #expect((lifted as? any LiftsInputs)?.liftedInputs == inputs)
    }

    /// A value the option of command `name` accepts.
    static func value(for option: String, of name: String, in directory: String) -> String {
        switch option {
        case "--format": return name == "cites" ? "jsonl" : "json"
        case "--jobs", "--rounds", "--window", "--whole-limit": return "2"
        case "--shard": return "1/2"
        case "--stages": return "all"
        case "--encoding": return "auto"
        case "--db": return directory + "/index.sqlite"
        default: return directory + "/value"
        }
    }

    @Test("short lines, `--` and unknown commands are left to ArgumentParser")
    func notLifted() {
        #expect(InputLifting.split(["cites"] + Self.inputs(InputLifting.threshold - 1)) == nil)
        #expect(InputLifting.split(["cites"] + Self.inputs(InputLifting.threshold)) != nil)
        #expect(InputLifting.split(["cites", "--"] + Self.inputs(40)) == nil)
        #expect(InputLifting.split(["query"] + Self.inputs(40)) == nil)
        #expect(InputLifting.split([]) == nil)
    }

    @Test("an option's value is not taken for an input")
    func optionValuesStay() throws {
        let inputs = Self.inputs(20)
        let split = try #require(InputLifting.split(["convert", "-o", "out"] + inputs + ["--jobs", "4", "--force"]))
        #expect(split.inputs == inputs)
        #expect(split.parsed == ["convert", "-o", "out", "--jobs", "4", "--force", inputs[0]])
    }

    @Test("an option whose value is missing or looks like an option is left to ArgumentParser")
    func missingValues() {
        let inputs = Self.inputs(20)
        #expect(InputLifting.split(["convert"] + inputs + ["-o"]) == nil)
        #expect(InputLifting.split(["convert"] + inputs + ["--jobs", "--force"]) == nil)
        #expect(InputLifting.split(["convert"] + inputs + ["-o", "-"]) != nil)
        // ArgumentParser reports the missing value, as it does for a short line.
        #expect(throws: (any Error).self) { _ = try InputLifting.parseAsRoot(["convert"] + inputs + ["-o"]) }
    }

    @Test("checks on the inputs see the whole list")
    func validationSeesEveryInput() throws {
        let directory = FileManager.default.temporaryDirectory.path + "/verbale-lifting-\(getpid())-validate"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var inputs = (0..<20).map { directory + "/in\($0).json" }
        for input in inputs { #expect(FileManager.default.createFile(atPath: input, contents: Data())) }
        inputs.append(directory + "/missing.json")
        #expect(throws: (any Error).self) {
            _ = try InputLifting.parseAsRoot(["index"] + inputs + ["--db", directory + "/index.sqlite"])
        }
        #expect(throws: Never.self) {
            _ = try InputLifting.parseAsRoot(["index"] + inputs.dropLast() + ["--db", directory + "/index.sqlite"])
        }
    }
}
