package vn.nangsuat.http;

/**
 * A problem answer of any shape ({@link Problem}, or one with members of its own such as an import's): its type, and
 * itself with another title, so that the title can be given in the language the request asks for.
 */
public interface TitledProblem {

    String type();

    TitledProblem withTitle(String title);
}
