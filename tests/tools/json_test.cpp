#include "tools/common/json.hpp"

#include <gtest/gtest.h>

TEST(JsonWriter, NestsObjectsAndArraysWithCommas) {
    ktal::json::Writer w;
    w.begin_object().field("a", 1).key("b").begin_array().value(2).value("x").end_array();
    w.key("c").begin_object().field("d", true).end_object().end_object();
    EXPECT_EQ(w.str(), R"({"a":1,"b":[2,"x"],"c":{"d":true}})");
}

TEST(JsonWriter, EscapesControlCharactersAndQuotes) {
    ktal::json::Writer w;
    w.value(std::string_view("q\"\\\n\x01", 5));
    EXPECT_EQ(w.str(), R"("q\"\\\n\u0001")");
}
