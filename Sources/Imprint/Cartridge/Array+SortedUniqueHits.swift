extension Array {
    /// Sorts by `number` and keeps one of each run of equal numbers: the index searches meet a
    /// near candidate through several tables and append it once a table, which costs less than
    /// clearing a visited set as large as the index for every query.
    mutating func sortRemovingDuplicates(by number: (Element) -> Int) {
        sort { number($0) < number($1) }
        guard count > 1 else { return }
        var kept = 1
        for index in 1..<count where number(self[index]) != number(self[kept - 1]) {
            self[kept] = self[index]
            kept += 1
        }
        removeLast(count - kept)
    }
}
